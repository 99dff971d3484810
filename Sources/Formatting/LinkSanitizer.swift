import Foundation

/// Rules for URLs that came from a server and may be printed, linked to (OSC 8) or copied:
/// only `http` and `https`, with a host, no credentials, nothing a terminal would act on,
/// and printable ASCII only.
///
/// A URL that passes is safe inside an OSC 8 sequence: it holds no control character, no
/// `ESC`, no BEL and no space, so it cannot end the sequence early or smuggle in another.
public enum LinkSanitizer {
  /// Longer URLs are refused rather than cut (a cut URL leads somewhere else).
  public static let maximumLength = 2048

  /// `text` as a safe `http(s)` URL, or `nil` when it cannot be one.
  ///
  /// Non-ASCII characters (an accented path, an IDN host written in Unicode) are
  /// percent-encoded as UTF-8; control characters, spaces, bidi marks and other invisible
  /// characters anywhere make the whole URL refused rather than silently changed.
  public static func httpURL(_ text: String) -> String? {
    guard !text.isEmpty else { return nil }
    var encoded = ""
    for scalar in text.unicodeScalars {
      let value = scalar.value
      switch value {
      case 0x21...0x7E:
        guard !"\"<>\\^`{|}".unicodeScalars.contains(scalar) else {
          encoded += percentEncoded(scalar)
          continue
        }
        encoded.unicodeScalars.append(scalar)
      case 0x00...0x20, 0x7F...0x9F:
        return nil
      default:
        guard !isInvisible(scalar) else { return nil }
        encoded += percentEncoded(scalar)
      }
    }
    guard encoded.utf8.count <= maximumLength,
      let components = URLComponents(string: encoded),
      let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
      let host = components.host, !host.isEmpty,
      components.user == nil, components.password == nil
    else { return nil }
    return encoded
  }

  /// The host of a URL for display: lowercased, without `www.`; `nil` when there is none.
  public static func domain(of url: String) -> String? {
    guard let host = URLComponents(string: url)?.host?.lowercased(), !host.isEmpty else {
      return nil
    }
    return host.hasPrefix("www.") && host.count > 4 ? String(host.dropFirst(4)) : host
  }

  private static func percentEncoded(_ scalar: Unicode.Scalar) -> String {
    String(scalar).utf8.map { String(format: "%%%02X", $0) }.joined()
  }

  /// Marks that change how text reads without showing: bidi controls, zero-width
  /// characters, the byte-order mark, and the like.
  private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF, 0xFFF9...0xFFFB: true
    default: scalar.properties.generalCategory == .format
    }
  }
}
