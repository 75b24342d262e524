import CNCurses
import ScreenKit
import Testing
@testable import Terminal

/// ncurses' mouse bits become the app's mouse keys: a click, a double-click (which wins over the click ncurses may
/// report with it), the wheel; another button is nothing.
@Suite struct MouseKeyTests {
    @Test func theButtonsTheAppUses() {
        #expect(NCursesTerminal.key(forMouse: cn_button1_clicked(), x: 4, y: 7) == .mouse(MouseEvent(.click, x: 4, y: 7)))
        #expect(NCursesTerminal.key(forMouse: cn_button1_double_clicked() | cn_button1_clicked(), x: 1, y: 2)
                == .mouse(MouseEvent(.doubleClick, x: 1, y: 2)))
        #expect(NCursesTerminal.key(forMouse: cn_button4_pressed(), x: 0, y: 0) == .mouse(MouseEvent(.wheelUp, x: 0, y: 0)))
        #expect(NCursesTerminal.key(forMouse: cn_button5_pressed(), x: 0, y: 0) == .mouse(MouseEvent(.wheelDown, x: 0, y: 0)))
        #expect(NCursesTerminal.key(forMouse: 0, x: 0, y: 0) == nil)
        #expect(cn_mouse_events() & cn_button1_clicked() != 0 && cn_mouse_events() & cn_button5_pressed() != 0)
    }
}
