import Foundation

/// The size a terminal reports for one of its descriptors.
enum WindowSize {
  /// Columns and rows of the terminal on `descriptor`, when it is one that reports a size.
  static func of(_ descriptor: Int32) -> (columns: Int, rows: Int)? {
    guard isatty(descriptor) == 1 else { return nil }
    var window = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0
    else { return nil }
    return (Int(window.ws_col), Int(window.ws_row))
  }
}
