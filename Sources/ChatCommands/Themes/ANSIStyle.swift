import ChatDomain

/// Theme styles as SGR escape sequences, for previews written straight to a terminal (the
/// full-screen app draws through ncurses instead).
struct ANSIStyle {
  /// How many colours the terminal shows.
  enum Depth: Sendable, Hashable {
    case sixteen
    case xterm256
    case trueColor

    /// From `COLORTERM` and `TERM`, the way most programs guess.
    init(environment: [String: String]) {
      let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
      let term = (environment["TERM"] ?? "").lowercased()
      if colorTerm == "truecolor" || colorTerm == "24bit" {
        self = .trueColor
      } else if term.contains("256color") || term.contains("direct") {
        self = .xterm256
      } else {
        self = .sixteen
      }
    }
  }

  var depth: Depth

  static let reset = "\u{1B}[0m"

  /// `ESC [ 0 ; … m`: attributes, then foreground and background.
  func sequence(for style: ThemeStyle) -> String {
    var codes = ["0"]
    let attributes: [(TextAttributes, String)] = [
      (.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7"),
    ]
    for (attribute, code) in attributes where style.attributes.contains(attribute) {
      codes.append(code)
    }
    if let foreground = color(style.foreground, isForeground: true) { codes.append(foreground) }
    if let background = color(style.background, isForeground: false) { codes.append(background) }
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }

  /// `text` in `style`, with the style reset after it.
  func paint(_ text: String, _ style: ThemeStyle) -> String {
    sequence(for: style) + text + Self.reset
  }

  private func color(_ color: ThemeColor, isForeground: Bool) -> String? {
    switch color {
    case .terminalDefault:
      return nil
    case .ansi(let ansi):
      let index = ansi.rawValue
      let base = isForeground ? (index < 8 ? 30 : 82) : (index < 8 ? 40 : 92)
      return String(base + index)
    case .rgb(let rgb):
      let layer = isForeground ? "38" : "48"
      switch depth {
      case .trueColor: return "\(layer);2;\(rgb.red);\(rgb.green);\(rgb.blue)"
      case .xterm256: return "\(layer);5;\(Self.xterm256Index(of: rgb))"
      case .sixteen:
        return self.color(.ansi(Self.nearestANSI(to: rgb)), isForeground: isForeground)
      }
    }
  }

  /// The nearest of xterm's 256 colours, from the 6×6×6 cube (16–231) and the grey ramp
  /// (232–255).
  static func xterm256Index(of rgb: RGBColor) -> Int {
    let levels = [0, 95, 135, 175, 215, 255]
    func nearestLevel(_ value: UInt8) -> Int {
      levels.indices.min { abs(levels[$0] - Int(value)) < abs(levels[$1] - Int(value)) } ?? 0
    }
    let (r, g, b) = (nearestLevel(rgb.red), nearestLevel(rgb.green), nearestLevel(rgb.blue))
    let cube = (index: 16 + 36 * r + 6 * g + b, rgb: (levels[r], levels[g], levels[b]))
    let average = (Int(rgb.red) + Int(rgb.green) + Int(rgb.blue)) / 3
    let step = max(0, min(23, (average - 8 + 5) / 10))
    let grey = (index: 232 + step, level: 8 + 10 * step)
    func distance(_ other: (Int, Int, Int)) -> Int {
      let dr = Int(rgb.red) - other.0
      let dg = Int(rgb.green) - other.1
      let db = Int(rgb.blue) - other.2
      return dr * dr + dg * dg + db * db
    }
    return distance((grey.level, grey.level, grey.level)) < distance(cube.rgb)
      ? grey.index : cube.index
  }

  static func nearestANSI(to rgb: RGBColor) -> ANSIColor {
    ANSIColor.allCases.min { a, b in
      squaredDistance(a.referenceRGB, rgb) < squaredDistance(b.referenceRGB, rgb)
    } ?? .white
  }

  private static func squaredDistance(_ a: RGBColor, _ b: RGBColor) -> Int {
    let dr = Int(a.red) - Int(b.red)
    let dg = Int(a.green) - Int(b.green)
    let db = Int(a.blue) - Int(b.blue)
    return dr * dr + dg * dg + db * db
  }
}
