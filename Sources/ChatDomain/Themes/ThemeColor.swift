import Foundation

/// A colour as a theme states it, before the terminal's colour depth is known.
public enum ThemeColor: Sendable, Hashable, CustomStringConvertible {
  /// The terminal's own foreground or background (ncurses colour -1).
  case terminalDefault
  /// One of the 16 named terminal colours.
  case ansi(ANSIColor)
  /// An exact colour; the backend maps it to the nearest one the terminal has.
  case rgb(RGBColor)

  /// Parses a literal colour: "default", an ANSI name or `#rrggbb`/`#rgb`. Palette slot
  /// names are resolved by the theme, not here.
  public init?(literal text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.lowercased() == "default" || trimmed.lowercased() == "none" {
      self = .terminalDefault
    } else if let rgb = RGBColor(hex: trimmed) {
      self = .rgb(rgb)
    } else if let ansi = ANSIColor(name: trimmed) {
      self = .ansi(ansi)
    } else {
      return nil
    }
  }

  /// The form a theme file uses for this colour.
  public var description: String {
    switch self {
    case .terminalDefault: return "default"
    case .ansi(let color): return color.name
    case .rgb(let rgb): return rgb.description
    }
  }
}
