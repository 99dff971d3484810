/// Strips everything from untrusted text (model output, server messages) that a terminal
/// would act on: C0 controls except newline and tab, DEL, C1 controls, whole escape
/// sequences (CSI, OSC, DCS, SOS, PM, APC and two-character escapes, 7-bit and 8-bit) and
/// bidirectional overrides and isolates.
///
/// Streaming-safe: a sequence split across `feed` calls is still removed whole.
///
/// **Invariants:** `state == .text` between sequences; `sequenceLength` counts the scalars
/// swallowed by the current sequence. A string sequence (OSC, DCS…) ends at BEL, ST, a
/// newline or after `maxStringLength` scalars, and a control sequence is abandoned after
/// `maxControlSequenceLength`, so a stray `ESC ]` or `ESC [` cannot swallow a whole reply.
/// What follows an abandoned sequence is shown as text: its introducer is already gone.
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
  private var sequenceLength = 0
  private static let maxStringLength = 4096
  private static let maxControlSequenceLength = 64

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
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    for byte in text.utf8 {
      switch byte {
      case 0x0A, 0x09: break
      case 0x00...0x1F, 0x7F: return true
      // C1 controls are C2 80…C2 9F.
      case 0x80...0x9F where previous == 0xC2: return true
      // Bidi embeddings and overrides are E2 80 AA…AE, isolates E2 81 A6…A9.
      case 0xAA...0xAE where previous == 0x80 && beforePrevious == 0xE2: return true
      case 0xA6...0xA9 where previous == 0x81 && beforePrevious == 0xE2: return true
      default: break
      }
      beforePrevious = previous
      previous = byte
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
      case 0x5B: beginControlSequence()  // [
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
      case 0x20...0x3F:
        sequenceLength += 1
        if sequenceLength >= Self.maxControlSequenceLength { state = .text }
        return nil
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
      beginControlSequence()
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
      sequenceLength += 1
      if sequenceLength >= Self.maxStringLength { state = .text }
      return nil
    }
  }

  private mutating func beginString() {
    state = .string
    sequenceLength = 0
  }

  private mutating func beginControlSequence() {
    state = .controlSequence
    sequenceLength = 0
  }
}
