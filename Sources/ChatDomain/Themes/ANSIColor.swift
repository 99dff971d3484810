import Foundation

/// The 16 colours every colour terminal has, by their usual names. Their real RGB values
/// are the terminal's choice; `referenceRGB` holds xterm's defaults, used to pick the
/// nearest one for a hex colour and to estimate contrast.
public enum ANSIColor: Int, CaseIterable, Sendable, Hashable {
  case black = 0
  case red
  case green
  case yellow
  case blue
  case magenta
  case cyan
  case white
  case brightBlack
  case brightRed
  case brightGreen
  case brightYellow
  case brightBlue
  case brightMagenta
  case brightCyan
  case brightWhite

  /// The name used in theme files: "red", "bright-red", ...
  public var name: String {
    let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    return rawValue < 8 ? base[rawValue] : "bright-" + base[rawValue - 8]
  }

  /// Parses a theme-file name, case-insensitively: "red", "bright-red", "bright_red",
  /// "brightred", and "gray"/"grey" for bright black.
  public init?(name: String) {
    let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
    if key == "gray" || key == "grey" {
      self = .brightBlack
      return
    }
    for color in ANSIColor.allCases {
      if color.name == key || color.name.replacingOccurrences(of: "-", with: "") == key {
        self = color
        return
      }
    }
    return nil
  }

  /// xterm's default value for this colour.
  public var referenceRGB: RGBColor {
    let table: [(UInt8, UInt8, UInt8)] = [
      (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
      (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
      (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
      (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    let (red, green, blue) = table[rawValue]
    return RGBColor(red: red, green: green, blue: blue)
  }
}
