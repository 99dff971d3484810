/// Strips everything from untrusted text (model output, server messages) that a terminal
/// would act on: C0 controls except newline and tab, DEL, C1 controls, whole escape
/// sequences (CSI, OSC, DCS, SOS, PM, APC and two-character escapes, 7-bit and 8-bit) and
/// bidirectional overrides and isolates.
///
/// Streaming-safe: a sequence split across `feed` calls is still removed whole.
///
/// **Invariants:** `state == .text` between sequences; `stringLength` counts the scalars
/// swallowed by the current string sequence (OSC, DCS…), which ends at BEL, ST, a newline
/// or after `maxStringLength` scalars so a stray `ESC ]` cannot swallow a whole reply.
public struct TextSanitizer: Sendable {
  private enum State: Sendable {
    case text
    case escape
    case escapeIntermediate
    case controlSequence
    case string
    case stringEscape
  }

  private var state = State.text
  private var stringLength = 0
  private static let maxStringLength = 4096

  public init() {}

  /// Sanitises a whole text at once.
  public static func sanitize(_ text: String) -> String {
    var sanitizer = TextSanitizer()
    return sanitizer.feed(text)
  }

  /// Sanitises the next piece of a stream.
  public mutating func feed(_ text: String) -> String {
    if state == .text, !Self.needsWork(text) { return text }
    var output = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if let kept = step(scalar) { output.append(kept) }
    }
    return String(output)
  }

  /// Whether the text holds anything this type would remove (a fast byte scan).
  private static func needsWork(_ text: String) -> Bool {
    for byte in text.utf8 {
      // C0 (other than tab and newline), DEL, the lead byte of C1 (C2 80…9F) and of the
      // bidi controls (E2 80 AA…, E2 81 A6…).
      if byte < 0x20 {
        if byte != 0x0A && byte != 0x09 { return true }
      } else if byte == 0x7F || byte == 0xC2 || byte == 0xE2 {
        return true
      }
    }
    return false
  }

  private mutating func step(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    let value = scalar.value
    switch state {
    case .text:
      return text(scalar)
    case .escape:
      switch value {
      case 0x5B: state = .controlSequence  // [
      case 0x5D, 0x50, 0x58, 0x5E, 0x5F: beginString()  // ] P X ^ _
      case 0x20...0x2F: state = .escapeIntermediate
      case 0x30...0x7E: state = .text
      default:
        state = .text
        return text(scalar)
      }
      return nil
    case .escapeIntermediate:
      switch value {
      case 0x20...0x2F: return nil
      case 0x30...0x7E:
        state = .text
        return nil
      default:
        state = .text
        return text(scalar)
      }
    case .controlSequence:
      switch value {
      case 0x20...0x3F: return nil
      case 0x40...0x7E:
        state = .text
        return nil
      default:
        state = .text
        return text(scalar)
      }
    case .string:
      return string(scalar)
    case .stringEscape:
      if value == 0x5C {  // ST = ESC \
        state = .text
        return nil
      }
      state = .escape
      return step(scalar)
    }
  }

  private mutating func text(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    let value = scalar.value
    switch value {
    case 0x0A, 0x09: return scalar
    case 0x1B:
      state = .escape
      return nil
    case 0x9B:
      state = .controlSequence
      return nil
    case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
      beginString()
      return nil
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
      return nil
    default:
      return scalar
    }
  }

  private mutating func string(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar.value {
    case 0x07, 0x9C:
      state = .text
      return nil
    case 0x1B:
      state = .stringEscape
      return nil
    case 0x0A:
      state = .text
      return scalar
    default:
      stringLength += 1
      if stringLength >= Self.maxStringLength { state = .text }
      return nil
    }
  }

  private mutating func beginString() {
    state = .string
    stringLength = 0
  }
}
