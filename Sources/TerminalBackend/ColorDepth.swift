/// How many colours the terminal can show, which decides how theme colours are mapped.
public enum ColorDepth: Sendable, Hashable {
  /// No colour support: attributes only.
  case monochrome
  /// The 8 basic ANSI colours.
  case ansi8
  /// The 16 ANSI colours (8 plus bright).
  case ansi16
  /// The xterm 256-colour palette (16 ANSI, a 6×6×6 cube, 24 greys). Terminals reporting
  /// more (direct colour) are driven as 256-colour ones, the widely supported subset.
  case xterm256

  /// The depth for ncurses' `COLORS` (0 when `has_colors()` is false).
  public init(colorCount: Int) {
    switch colorCount {
    case 256...: self = .xterm256
    case 16...: self = .ansi16
    case 8...: self = .ansi8
    default: self = .monochrome
    }
  }
}
