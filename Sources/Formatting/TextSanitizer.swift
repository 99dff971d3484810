/// Strips everything from untrusted text (model output, server messages, stored titles) that
/// a terminal would act on or that would hide text from the reader: C0 controls except
/// newline and tab, DEL, C1 controls, whole escape sequences (CSI, OSC, DCS, SOS, PM, APC and
/// two-character escapes, 7-bit and 8-bit), bidirectional controls (embeddings, overrides,
/// isolates and the marks LRM, RLM and ALM) and invisible characters (zero-width space,
/// word joiner and the invisible operators U+2060–U+2064, the deprecated format controls
/// U+206A–U+206F, the byte order mark U+FEFF, and the tag characters U+E0000–U+E007F).
///
/// The joiners are kept where they do visible work and dropped elsewhere:
/// - ZWJ (U+200D) between two emoji (`👩‍💻`, `🏳️‍🌈`, `👨🏽‍🚀`): the sequence stays one
///   grapheme, which the full-screen app draws as its first emoji.
/// - ZWJ and ZWNJ (U+200C) between two letters or marks of a script beyond Latin, Greek,
///   Cyrillic and Armenian (from U+0590: Hebrew, Arabic, Persian, the Indic scripts…),
///   where they choose the letter forms (`می‌خواهم`, `ශ්‍රී`).
/// Anywhere else (`pay\u{200D}pal`, a trailing joiner) they are dropped. Tag characters are
/// dropped even inside emoji tag sequences: a subdivision flag shows as the black flag 🏴,
/// which is also all the full-screen app draws of it.
///
/// Streaming-safe: a sequence split across `feed` calls is still removed whole, and a joiner
/// at the end of one piece waits for the next piece's first scalar to be decided (a joiner
/// at the very end of the text is dropped).
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
  /// The last scalar written, which decides whether a joiner after it can be kept.
  private var lastKept: Unicode.Scalar?
  /// A ZWJ or ZWNJ after a scalar that can join, waiting for the scalar after it.
  private var pendingJoiner: Unicode.Scalar?
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
    if state == .text, pendingJoiner == nil, !Self.needsWork(text) {
      if let last = text.unicodeScalars.last { lastKept = last }
      return text
    }
    var output = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      guard let kept = step(scalar) else { continue }
      if let joiner = pendingJoiner {
        pendingJoiner = nil
        if Self.joins(joiner, lastKept, kept) { output.append(joiner) }
      }
      output.append(kept)
      lastKept = kept
    }
    return String(output)
  }

  /// `text` without any control character (C0 except newline and tab, DEL, C1), every other
  /// character kept as it is: what goes to the clipboard. Text pasted from there into a
  /// terminal then holds no escape sequence at all (no bracketed-paste end `ESC [ 201 ~`
  /// that would turn the rest of a paste into typed keys); the printable remains of a
  /// sequence (`[201~`) stay as harmless text.
  public static func removingControlCharacters(_ text: String) -> String {
    let mayHoldControls = text.utf8.contains { byte in
      (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F || byte == 0xC2
    }
    guard mayHoldControls else { return text }
    var output = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A, 0x09: output.append(scalar)
      case 0x00...0x1F, 0x7F...0x9F: continue
      default: output.append(scalar)
      }
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
      // Zero-width space, the joiners, LRM and RLM are E2 80 8B…8F; bidi embeddings and
      // overrides E2 80 AA…AE.
      case 0x8B...0x8F where previous == 0x80 && beforePrevious == 0xE2: return true
      case 0xAA...0xAE where previous == 0x80 && beforePrevious == 0xE2: return true
      // Word joiner and invisible operators E2 81 A0…A4, isolates A6…A9, deprecated format
      // controls AA…AF.
      case 0xA0...0xA4 where previous == 0x81 && beforePrevious == 0xE2: return true
      case 0xA6...0xAF where previous == 0x81 && beforePrevious == 0xE2: return true
      // ALM is D8 9C; the byte order mark EF BB BF.
      case 0x9C where previous == 0xD8: return true
      case 0xBF where previous == 0xBB && beforePrevious == 0xEF: return true
      // Tag characters are F3 A0 80 80…F3 A0 81 BF.
      case 0x80...0x81 where previous == 0xA0 && beforePrevious == 0xF3: return true
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
    case 0x200C, 0x200D:
      // Decided by the next kept scalar (see `feed`); two joiners in a row keep neither.
      pendingJoiner = pendingJoiner == nil && Self.canJoin(after: lastKept, scalar) ? scalar : nil
      return nil
    case 0x00...0x1F, 0x7F...0x9F, 0x200B, 0x200E, 0x200F, 0x061C, 0x202A...0x202E,
      0x2060...0x2064, 0x2066...0x206F, 0xFEFF, 0xE0000...0xE007F:
      return nil
    default:
      return scalar
    }
  }

  /// Whether `joiner` may follow `previous` (before knowing what comes next).
  private static func canJoin(after previous: Unicode.Scalar?, _ joiner: Unicode.Scalar) -> Bool {
    guard let previous else { return false }
    if joiner.value == 0x200D, isEmojiSide(previous) || previous.value == 0xFE0F { return true }
    return isJoiningLetter(previous)
  }

  /// Whether `joiner` between `previous` and `next` is kept.
  private static func joins(
    _ joiner: Unicode.Scalar, _ previous: Unicode.Scalar?, _ next: Unicode.Scalar
  ) -> Bool {
    guard let previous else { return false }
    if joiner.value == 0x200D, isEmojiSide(previous) || previous.value == 0xFE0F,
      isEmojiSide(next)
    {
      return true
    }
    return isJoiningLetter(previous) && isJoiningLetter(next)
  }

  /// An emoji, emoji modifier or pictograph (not the ASCII digits, `#` and `*`, which are
  /// emoji only as keycap bases).
  private static func isEmojiSide(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value > 0x7F && scalar.properties.isEmoji
  }

  /// A letter or mark of a script whose letter forms the joiners choose (from U+0590).
  private static func isJoiningLetter(_ scalar: Unicode.Scalar) -> Bool {
    guard scalar.value >= 0x0590 else { return false }
    switch scalar.properties.generalCategory {
    case .otherLetter, .modifierLetter, .lowercaseLetter, .uppercaseLetter, .titlecaseLetter,
      .nonspacingMark, .spacingMark:
      return true
    default:
      return false
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
