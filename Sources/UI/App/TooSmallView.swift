import ScreenKit

/// Shown instead of the screens below the minimum size; the app recovers on the next resize.
enum TooSmallView {
    static func render(_ size: Size, into buffer: inout ScreenBuffer) {
        let minimum = AppState.minimumSize
        let lines = [
            ("Terminal too small", Theme.bold),
            ("careportal needs \(minimum.width)×\(minimum.height); this is \(size.width)×\(size.height).", Theme.plain),
            ("Enlarge the window, or press q to quit.", Theme.dim),
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, (text, style)) in lines.enumerated() {
            let fitted = buffer.glyphs.fit(text, toWidth: size.width)
            buffer.put(fitted, x: max(0, (size.width - fitted.displayWidth) / 2), y: top + i, style: style)
        }
    }
}
