import ChatDomain
import Glibc

/// A colour in CIELAB (D65 white), where Euclidean distance approximates how different
/// two colours look.
struct LabColor: Sendable, Hashable {
  var lightness: Double
  var a: Double
  var b: Double

  init(_ rgb: RGBColor) {
    func linear(_ channel: UInt8) -> Double {
      let value = Double(channel) / 255
      return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
    let red = linear(rgb.red)
    let green = linear(rgb.green)
    let blue = linear(rgb.blue)
    // sRGB → XYZ, normalised by the D65 white point.
    let x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    let y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    let z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883
    func f(_ t: Double) -> Double {
      t > 216.0 / 24389.0 ? cbrt(t) : (24389.0 / 27.0 * t + 16) / 116
    }
    lightness = 116 * f(y) - 16
    a = 500 * (f(x) - f(y))
    b = 200 * (f(y) - f(z))
  }

  func squaredDistance(to other: LabColor) -> Double {
    let dl = lightness - other.lightness
    let da = a - other.a
    let db = b - other.b
    return dl * dl + da * da + db * db
  }
}
