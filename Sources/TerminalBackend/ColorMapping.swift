import ChatDomain

/// Maps theme colours to terminal colour numbers. Pure, so every rule is unit-tested.
///
/// - `#rrggbb` becomes the nearest xterm-256 colour (16-255) at 256 colours, and the
///   nearest ANSI colour (by xterm's default values) at 16 or 8.
/// - ANSI names keep their number; at 8 colours the bright ones fall back to the base ones.
/// - The terminal default is -1 (ncurses, after `use_default_colors`).
///
/// "Nearest" is the smallest CIE76 difference (Euclidean distance in CIELAB), which keeps
/// hues where plain RGB distance would turn a light red into grey. The 16 ANSI colours are
/// never chosen for a hex colour at 256 colours, because users redefine them.
public enum ColorMapping {
  /// The colour number for `color`, or -1 for the terminal default (also for every colour
  /// at `.monochrome`).
  public static func colorNumber(for color: ThemeColor, depth: ColorDepth) -> Int32 {
    switch (color, depth) {
    case (_, .monochrome), (.terminalDefault, _):
      return -1
    case (.ansi(let ansi), .ansi8):
      return Int32(ansi.rawValue % 8)
    case (.ansi(let ansi), _):
      return Int32(ansi.rawValue)
    case (.rgb(let rgb), .xterm256):
      return Int32(nearestXterm256(rgb))
    case (.rgb(let rgb), .ansi16):
      return Int32(nearestANSI(rgb, among: 16))
    case (.rgb(let rgb), .ansi8):
      return Int32(nearestANSI(rgb, among: 8))
    }
  }

  /// The nearest colour among xterm 16-255.
  public static func nearestXterm256(_ rgb: RGBColor) -> Int {
    nearest(rgb, in: 16..<256)
  }

  /// The nearest of the first `count` (8 or 16) ANSI colours.
  public static func nearestANSI(_ rgb: RGBColor, among count: Int) -> Int {
    nearest(rgb, in: 0..<min(max(count, 1), 16))
  }

  /// The RGB value of xterm colour `index` (0-255); 0-15 are xterm's defaults.
  public static func xterm256RGB(_ index: Int) -> RGBColor {
    switch index {
    case ..<16:
      return (ANSIColor(rawValue: max(index, 0)) ?? .black).referenceRGB
    case 16..<232:
      let cube = index - 16
      let level = { (step: Int) -> UInt8 in step == 0 ? 0 : UInt8(55 + step * 40) }
      return RGBColor(red: level(cube / 36), green: level(cube / 6 % 6), blue: level(cube % 6))
    default:
      let grey = UInt8(8 + (min(index, 255) - 232) * 10)
      return RGBColor(red: grey, green: grey, blue: grey)
    }
  }

  /// The squared CIE76 difference between two colours (0 when equal).
  public static func distance(_ a: RGBColor, _ b: RGBColor) -> Double {
    LabColor(a).squaredDistance(to: LabColor(b))
  }

  /// The xterm palette in CIELAB, computed once.
  private static let paletteLab: [LabColor] = (0..<256).map { LabColor(xterm256RGB($0)) }

  private static func nearest(_ rgb: RGBColor, in indices: Range<Int>) -> Int {
    let target = LabColor(rgb)
    var best = indices.lowerBound
    var bestDistance = Double.infinity
    for index in indices {
      let candidate = target.squaredDistance(to: paletteLab[index])
      if candidate < bestDistance {
        best = index
        bestDistance = candidate
      }
    }
    return best
  }
}
