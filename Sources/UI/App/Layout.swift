import ScreenKit

/// The rows of the frame: tab bar, title line, main pane, filter bar (when shown), status line.
struct Layout: Equatable {
    /// Columns left blank at each side of the pane.
    static let margin = 1

    let tabBar: Rect
    let title: Rect
    let pane: Rect
    let filterBar: Rect?
    let status: Rect
    /// The saved views' line under the title, on a case list when there are views.
    let sections: Rect?

    init(size: Size, filterBar showsFilterBar: Bool, sections showsSections: Bool = false) {
        let (tabBar, belowTabs) = Rect(size: size).split(top: 1)
        let (title, belowTitle) = belowTabs.split(top: 1)
        var (middle, status) = belowTitle.split(bottom: 1)
        if showsSections {
            let (line, rest) = middle.split(top: 1)
            sections = line
            middle = rest
        } else {
            sections = nil
        }
        self.tabBar = tabBar
        self.title = title
        self.status = status
        if showsFilterBar {
            let (pane, bar) = middle.split(bottom: 1)
            self.pane = pane
            self.filterBar = bar
        } else {
            self.pane = middle
            self.filterBar = nil
        }
    }

    /// Rows of list entries or case body lines: the pane less its first row (column headers, or
    /// the case actions), and for customers less the note about the selected customer.
    func viewport(for context: KeyContext) -> Int {
        switch context {
        case .caseList, .caseDetail: max(1, pane.height - 1)
        case .customers: max(1, pane.height - 2)
        }
    }

    /// Text width inside the margins.
    static func contentWidth(_ width: Int) -> Int { max(1, width - 2 * margin) }
}
