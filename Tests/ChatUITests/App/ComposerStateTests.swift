import ChatDomain
import TestSupport
import Testing

@testable import ChatUI

@Suite struct ComposerStateTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  @Test func insertingLinesAndJoiningThemBack() {
    var composer = ComposerState()
    composer.insert("hello\nworld")
    #expect(composer.lines == ["hello", "world"])
    #expect(composer.row == 1 && composer.column == 5)
    composer.moveToLineStart()
    composer.deleteBackward()
    #expect(composer.lines == ["helloworld"])
    #expect(composer.column == 5)
    composer.insert("\r\n")
    #expect(composer.text == "hello\nworld")
  }

  @Test func cursorMovesByGraphemeNotByScalar() {
    var composer = ComposerState(text: "a👍🏽é")
    composer.moveLeft()
    composer.deleteBackward()
    #expect(composer.text == "aé")
  }

  @Test func wordDeletionAndLineKills() {
    var composer = ComposerState(text: "one two  three")
    composer.deleteWordBackward()
    #expect(composer.text == "one two  ")
    composer.deleteWordBackward()
    #expect(composer.text == "one ")
    composer.moveToLineStart()
    composer.deleteToLineEnd()
    #expect(composer.text == "")
  }

  @Test func historyBrowsingKeepsTheDraft() {
    var composer = ComposerState()
    composer.insert("first")
    composer.commit()
    composer.insert("second")
    composer.commit()
    composer.insert("draft")
    var moved = composer.showPreviousHistoryEntry()
    #expect(moved && composer.text == "second")
    moved = composer.showPreviousHistoryEntry()
    #expect(moved && composer.text == "first")
    moved = composer.showPreviousHistoryEntry()
    #expect(!moved && composer.text == "first")
    moved = composer.showNextHistoryEntry()
    #expect(moved && composer.text == "second")
    moved = composer.showNextHistoryEntry()
    #expect(moved && composer.text == "draft")
  }

  @Test func upAndDownMoveWithinTheTextBeforeTheHistory() {
    var state = makeState()
    type("sent before", into: &state)
    state.composer.commit()
    apply(&state, .paste("line 1\nline 2"))
    apply(&state, .key(KeyEvent(.up)))
    #expect(state.composer.text == "line 1\nline 2")
    #expect(state.composer.row == 0)
    apply(&state, .key(KeyEvent(.up)))
    #expect(state.composer.text == "sent before")
  }

  @Test func rowsWrapByDisplayWidthAndPlaceTheCursor() {
    let composer = ComposerState(text: "你好世界abc")
    let wrapped = composer.rows(width: 5)
    #expect(wrapped.rows.map(\.text) == ["你好", "世界a", "bc"])
    #expect(wrapped.cursorRow == 2 && wrapped.cursorColumn == 2)
    let full = ComposerState(text: "abcde").rows(width: 5)
    #expect(full.rows.map(\.text) == ["abcde", ""])
    #expect(full.cursorRow == 1 && full.cursorColumn == 0)
  }

  @Test func keyChordsParse() throws {
    #expect(try KeyChord(parsing: "ctrl+s") == KeyChord(.control("s")))
    #expect(try KeyChord(parsing: "alt+enter") == KeyChord(KeyEvent(.enter, .alt)))
    #expect(try KeyChord(parsing: "ctrl+x ctrl+e") == KeyChord(.control("x"), .control("e")))
    #expect(try KeyChord(parsing: "F5") == KeyChord(KeyEvent(.function(5))))
    #expect(try KeyChord(parsing: "shift+tab") == KeyChord(KeyEvent(.tab, .shift)))
    #expect(try KeyChord(parsing: "?") == KeyChord(.character("?")))
    #expect(throws: KeyChordError.self) { try KeyChord(parsing: "ctrl+") }
    #expect(throws: KeyChordError.self) { try KeyChord(parsing: "super+k") }
  }
}
