import CNcursesw
import ChatUI

/// Turns what `wget_wch` returns into `TerminalEvent`s. Pure: it uses ncurses' key-code
/// constants but calls nothing, so tests feed it `RawInput` directly.
///
/// Decoding rules:
/// - ESC followed by another item in the same batch is Alt plus that item; an ESC that
///   ends a batch is the Escape key (ncurses has already waited `ESCDELAY` for more).
///   ESC ESC is two Escapes, so a quick double press still stops a stream.
/// - CR is Enter and LF is Ctrl-J (the terminal runs with `nonl`, so they stay apart);
///   DEL is Backspace and BS is Ctrl-Backspace.
/// - Scalars that extend the previous character into one grapheme (combining marks, ZWJ
///   sequences, flags, skin tones) are merged into that character's event.
/// - Everything between the paste markers becomes one `.paste`, across batches; CR and
///   CR LF become "\n".
///
/// **Invariants:** `pendingEscape` and `paste` carry over between batches only as
/// documented: an ESC never survives the end of a batch; a paste does until its end marker.
public struct KeyDecoder: Sendable {
  /// Key codes ncurses assigned to terminfo's modified keys (`kUP5` and so on); see
  /// `NcursesKeyTable`.
  public var extendedKeys: [Int32: KeyEvent]
  /// The codes bound to `ESC [ 200 ~` and `ESC [ 201 ~`.
  public var pasteMarkers: (begin: Int32, end: Int32)

  private var pendingEscape = false
  private var paste: String?
  private var previousCarriageReturn = false

  public init(extendedKeys: [Int32: KeyEvent] = [:], pasteMarkers: (begin: Int32, end: Int32)) {
    self.extendedKeys = extendedKeys
    self.pasteMarkers = pasteMarkers
  }

  /// Whether a bracketed paste has started and not yet ended.
  public var isInPaste: Bool { paste != nil }

  /// Decodes one batch: everything `wget_wch` returned before it reported no more input.
  public mutating func decode(_ batch: [RawInput]) -> [TerminalEvent] {
    var events: [TerminalEvent] = []
    for input in batch { feed(input, into: &events) }
    if pendingEscape {
      pendingEscape = false
      events.append(.key(KeyEvent(.escape)))
    }
    return events
  }

  private mutating func feed(_ input: RawInput, into events: inout [TerminalEvent]) {
    if paste != nil {
      collectPaste(input, into: &events)
      return
    }
    switch input {
    case .character(27):
      if pendingEscape { events.append(.key(KeyEvent(.escape))) }
      pendingEscape = true
    case .character(let value):
      guard var event = Self.key(forCharacter: value) else { return }
      if takeEscape() { event.modifiers.insert(.alt) }
      append(event, to: &events)
    case .keyCode(let code) where code == pasteMarkers.begin:
      flushEscape(into: &events)
      paste = ""
      previousCarriageReturn = false
    case .keyCode(let code):
      guard var event = extendedKeys[code] ?? Self.key(forCode: code) else { return }
      if takeEscape() { event.modifiers.insert(.alt) }
      events.append(.key(event))
    case .mouse(let mouse):
      flushEscape(into: &events)
      events.append(contentsOf: Self.mouseEvents(for: mouse).map(TerminalEvent.mouse))
    case .resized(let size):
      flushEscape(into: &events)
      events.append(.resize(size))
    }
  }

  /// Appends a key, merging a grapheme-extending scalar into the previous character.
  private func append(_ event: KeyEvent, to events: inout [TerminalEvent]) {
    if case .character(let next) = event.key, event.modifiers.isEmpty,
      case .key(let previous)? = events.last, previous.modifiers.isEmpty,
      case .character(let first) = previous.key
    {
      let combined = String(first) + String(next)
      if combined.count == 1, let merged = combined.first {
        events[events.count - 1] = .key(KeyEvent(.character(merged)))
        return
      }
    }
    events.append(.key(event))
  }

  private mutating func collectPaste(_ input: RawInput, into events: inout [TerminalEvent]) {
    switch input {
    case .keyCode(let code) where code == pasteMarkers.end:
      events.append(.paste(paste ?? ""))
      paste = nil
    case .character(13):
      paste?.append("\n")
      previousCarriageReturn = true
      return
    case .character(10):
      if !previousCarriageReturn { paste?.append("\n") }
    case .character(let value):
      if let scalar = Unicode.Scalar(value) { paste?.unicodeScalars.append(scalar) }
    case .keyCode(let code) where code == KEY_ENTER:
      paste?.append("\n")
    case .keyCode, .mouse, .resized:
      break  // keys decoded from pasted bytes are not what was pasted; drop them
    }
    previousCarriageReturn = false
  }

  private mutating func takeEscape() -> Bool {
    defer { pendingEscape = false }
    return pendingEscape
  }

  private mutating func flushEscape(into events: inout [TerminalEvent]) {
    if takeEscape() { events.append(.key(KeyEvent(.escape))) }
  }
}
