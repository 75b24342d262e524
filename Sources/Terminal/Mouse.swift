import CNCurses
import ScreenKit

extension NCursesTerminal {
    /// Clicks, double-clicks and the wheel, reported as keys; `false` (the config file's `mouse = false`) leaves the mouse
    /// to the terminal, whose own text selection then works without Shift.
    public func enableMouse(_ on: Bool) {
        set_term(screen)
        _ = mousemask(on ? cn_mouse_events() : 0, nil)
    }

    /// The event behind a KEY_MOUSE, as a key; nil for one the app doesn't use (another button, a drag).
    func readMouse() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        return Self.key(forMouse: event.bstate, x: Int(event.x), y: Int(event.y))
    }

    static func key(forMouse state: mmask_t, x: Int, y: Int) -> Key? {
        let kind: MouseEvent.Kind
        if state & cn_button1_double_clicked() != 0 { kind = .doubleClick }
        else if state & cn_button1_clicked() != 0 { kind = .click }
        else if state & cn_button4_pressed() != 0 { kind = .wheelUp }
        else if state & cn_button5_pressed() != 0 { kind = .wheelDown }
        else { return nil }
        return .mouse(MouseEvent(kind, x: x, y: y))
    }
}
