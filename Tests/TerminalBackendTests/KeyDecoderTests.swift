import CNcursesw
import ChatDomain
import ChatUI
import Testing

@testable import TerminalBackend

@Suite struct KeyDecoderTests {
  private func decode(_ batch: [RawInput], extended: [Int32: KeyEvent] = [:]) -> [TerminalEvent] {
    var decoder = KeyDecoder(extendedKeys: extended, pasteMarkers: (900, 901))
    return decoder.decode(batch)
  }

  private func characters(_ text: String) -> [RawInput] {
    text.unicodeScalars.map { .character($0.value) }
  }

  @Test func printableTextIncludingCJKAndEmojiBecomesCharacterKeys() {
    #expect(
      decode(characters("a你🚀")) == [
        .key(.character("a")), .key(.character("你")), .key(.character("🚀")),
      ])
  }

  @Test func scalarsOfOneGraphemeMergeIntoOneCharacter() {
    let family = "👨\u{200D}👩\u{200D}👧"
    #expect(decode(characters("e\u{301}")) == [.key(.character("e\u{301}"))])
    #expect(
      decode(characters(family + "x")) == [
        .key(.character(Character(family))), .key(.character("x")),
      ])
    #expect(decode(characters("🇯🇵")) == [.key(.character("🇯🇵"))])
  }

  @Test func enterAndControlJStayDistinct() {
    #expect(decode([.character(13)]) == [.key(KeyEvent(.enter))])
    #expect(decode([.character(10)]) == [.key(.control("j"))])
    #expect(decode([.keyCode(KEY_ENTER)]) == [.key(KeyEvent(.enter))])
  }

  @Test func controlLettersAndPunctuationCarryTheControlModifier() {
    #expect(
      decode([.character(1), .character(3), .character(26)]) == [
        .key(.control("a")), .key(.control("c")), .key(.control("z")),
      ])
    #expect(decode([.character(0)]) == [.key(KeyEvent(.character(" "), .control))])
    #expect(decode([.character(31)]) == [.key(KeyEvent(.character("_"), .control))])
  }

  @Test func tabShiftTabBackspaceAndDelete() {
    #expect(decode([.character(9)]) == [.key(KeyEvent(.tab))])
    #expect(decode([.keyCode(KEY_BTAB)]) == [.key(KeyEvent(.tab, .shift))])
    #expect(decode([.character(127)]) == [.key(KeyEvent(.backspace))])
    #expect(decode([.keyCode(KEY_BACKSPACE)]) == [.key(KeyEvent(.backspace))])
    #expect(decode([.character(8)]) == [.key(KeyEvent(.backspace, .control))])
    #expect(decode([.keyCode(KEY_DC)]) == [.key(KeyEvent(.delete))])
  }

  @Test func navigationKeysDecode() {
    let codes = [KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_PPAGE, KEY_NPAGE]
    let keys: [KeyEvent.Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown]
    #expect(decode(codes.map(RawInput.keyCode)) == keys.map { .key(KeyEvent($0)) })
    #expect(
      decode([.keyCode(KEY_SR), .keyCode(KEY_SLEFT)]) == [
        .key(KeyEvent(.up, .shift)), .key(KeyEvent(.left, .shift)),
      ])
  }

  @Test func functionKeysFoldXtermModifierBanks() {
    #expect(decode([.keyCode(nc_key_f(5))]) == [.key(KeyEvent(.function(5)))])
    #expect(decode([.keyCode(nc_key_f(12 + 5))]) == [.key(KeyEvent(.function(5), .shift))])
    #expect(decode([.keyCode(nc_key_f(24 + 1))]) == [.key(KeyEvent(.function(1), .control))])
    #expect(decode([.keyCode(nc_key_f(48 + 12))]) == [.key(KeyEvent(.function(12), .alt))])
  }

  @Test func extendedKeyCodesUseTheTerminfoTable() {
    let table: [Int32: KeyEvent] = [600: KeyEvent(.up, .control)]
    #expect(decode([.keyCode(600)], extended: table) == [.key(KeyEvent(.up, .control))])
  }

  @Test func escapeAloneAtTheEndOfABatchIsTheEscapeKey() {
    #expect(decode([.character(27)]) == [.key(KeyEvent(.escape))])
  }

  @Test func escapeBeforeAnotherItemAddsAlt() {
    #expect(
      decode([.character(27), .character(UInt32(UInt8(ascii: "x")))]) == [
        .key(KeyEvent(.character("x"), .alt))
      ])
    #expect(decode([.character(27), .character(13)]) == [.key(KeyEvent(.enter, .alt))])
    #expect(
      decode([.character(27), .character(2)]) == [
        .key(KeyEvent(.character("b"), [.control, .alt]))
      ])
    #expect(decode([.character(27), .keyCode(KEY_UP)]) == [.key(KeyEvent(.up, .alt))])
  }

  @Test func doubleEscapeIsTwoEscapes() {
    #expect(
      decode([.character(27), .character(27)]) == [
        .key(KeyEvent(.escape)), .key(KeyEvent(.escape)),
      ])
  }

  @Test func escapeDoesNotCarryIntoTheNextBatch() {
    var decoder = KeyDecoder(pasteMarkers: (900, 901))
    #expect(decoder.decode([.character(27)]) == [.key(KeyEvent(.escape))])
    #expect(decoder.decode(characters("x")) == [.key(.character("x"))])
  }

  @Test func bracketedPasteIsOneEventWithNewlinesNormalised() {
    let batch: [RawInput] =
      [.keyCode(900)] + characters("pasted 中文\r\nline2 😀\rend") + [.keyCode(901)]
    #expect(decode(batch) == [.paste("pasted 中文\nline2 😀\nend")])
  }

  @Test func pasteSpanningBatchesIsStillOneEvent() {
    var decoder = KeyDecoder(pasteMarkers: (900, 901))
    #expect(decoder.decode([.keyCode(900)] + characters("first ")).isEmpty)
    #expect(decoder.isInPaste)
    #expect(
      decoder.decode(characters("second") + [.keyCode(901)] + characters("k")) == [
        .paste("first second"), .key(.character("k")),
      ])
  }

  @Test func keysInsideAPasteAreTextNotCommands() {
    let batch: [RawInput] = [
      .keyCode(900), .character(27), .character(3), .character(9), .keyCode(KEY_UP), .keyCode(901),
    ]
    #expect(decode(batch) == [.paste("\u{1B}\u{3}\t")])
  }

  @Test func mouseReportsBecomeOneEventPerTransition() {
    let mouse = RawMouse(x: 4, y: 2, state: [.leftPressed, .shift])
    #expect(
      decode([.mouse(mouse)]) == [.mouse(MouseEvent(.press(.left), x: 4, y: 2, modifiers: .shift))])
    #expect(
      decode([.mouse(RawMouse(x: 0, y: 9, state: .wheelDown))]) == [
        .mouse(MouseEvent(.wheelDown, x: 0, y: 9))
      ])
  }

  @Test func resizePassesThroughAndEndsAPendingEscape() {
    let size = TerminalSize(columns: 60, rows: 20)
    #expect(decode([.character(27), .resized(size)]) == [.key(KeyEvent(.escape)), .resize(size)])
  }

  @Test func c1ControlsAndUnknownCodesAreDropped() {
    #expect(decode([.character(0x9B), .keyCode(KEY_B2)]).isEmpty)
  }

  @Test func descriptionsReadLikeKeyNames() {
    #expect(KeyEvent.control("j").description == "Ctrl+J")
    #expect(KeyEvent(.enter, .alt).description == "Alt+Enter")
    #expect(KeyEvent(.tab, .shift).description == "Shift+Tab")
    #expect(KeyEvent(.function(5)).description == "F5")
    #expect(KeyEvent.character("你").description == "你")
  }
}
