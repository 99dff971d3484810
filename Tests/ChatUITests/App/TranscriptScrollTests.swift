import ChatCore
import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatUI

@Suite struct TranscriptScrollTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  /// A state 80×24 with `count` finished exchanges in an open session.
  func longSession(_ count: Int) -> AppState {
    var state = makeState(columns: 80, rows: 24)
    var entries: [TranscriptEntry] = []
    for index in 0..<count {
      entries.append(
        TranscriptEntry(
          message: message("u\(index)", .user, "question \(index)", position: 2 * index)))
      entries.append(
        TranscriptEntry(
          message: message(
            "r\(index)", .assistant, "answer \(index)\n\nmore text \(index)",
            position: 2 * index + 1)))
    }
    apply(&state, .opened(session(), entries))
    return state
  }

  @Test func theViewFollowsTheTailAsTextArrives() {
    var state = longSession(20)
    let id = startReply(&state, prompt: "go", replyID: "live", position: 40)
    apply(&state, .conversation(id, .content("first words"), at: referenceDate))
    let following = state.transcript.isFollowingTail
    #expect(following)
    #expect(state.transcript.visibleText.suffix(2) == ["first words", ""])
    apply(&state, .conversation(id, .content("\n\nsecond paragraph"), at: referenceDate))
    #expect(state.transcript.visibleText.suffix(2) == ["second paragraph", ""])
  }

  /// While a reply streams the view moves by half screens, leaving blank rows below the
  /// tail; when it finishes the last line goes back to the bottom row.
  @Test func aFinishedReplyEndsOnTheBottomRow() {
    var state = longSession(20)
    let id = startReply(&state, prompt: "go", replyID: "live", position: 40)
    let paragraphs = (1...12).map { "paragraph \($0)" }.joined(separator: "\n\n")
    apply(&state, .conversation(id, .content(paragraphs), at: referenceDate))
    let streaming = state.transcript.visibleText
    // Rows below the tail are left blank: fewer rows than the view's height are drawn.
    #expect(streaming.count < state.transcript.height)
    #expect(streaming.suffix(2).contains("paragraph 12"))
    let final = message("live", .assistant, paragraphs, position: 41)
    apply(&state, .requestEnded(id, .finished(final), at: referenceDate))
    let finished = state.transcript.visibleText
    #expect(finished.count == state.transcript.height)
    #expect(finished.suffix(2).contains("paragraph 12"))
    #expect(state.transcript.isFollowingTail)
  }

  @Test func scrolledUpTheViewStaysStillAndCountsNewLines() {
    var state = longSession(20)
    let id = startReply(&state, prompt: "go", replyID: "live", position: 40)
    apply(&state, .key(KeyEvent(.pageUp)))
    let pinned = !state.transcript.isFollowingTail
    #expect(pinned)
    let before = state.transcript.visibleText
    apply(&state, .conversation(id, .content("one\n\ntwo\n\nthree"), at: referenceDate))
    #expect(state.transcript.visibleText == before)
    #expect(state.transcript.newLinesBelow == 5)
    // End in an empty input (or at its end) returns to the tail without leaving the input.
    apply(&state, .key(KeyEvent(.end)))
    let following = state.transcript.isFollowingTail
    #expect(following)
    #expect(state.transcript.newLinesBelow == 0)
    #expect(state.transcript.visibleText.suffix(2) == ["three", ""])
  }

  @Test func pagingDownToTheBottomFollowsTheTailAgain() {
    var state = longSession(20)
    apply(&state, .key(KeyEvent(.pageUp)), .key(KeyEvent(.pageUp)))
    let pinned = !state.transcript.isFollowingTail
    #expect(pinned)
    apply(&state, .key(KeyEvent(.pageDown)), .key(KeyEvent(.pageDown)), .key(KeyEvent(.pageDown)))
    let following = state.transcript.isFollowingTail
    #expect(following)
  }

  @Test func homeShowsTheFirstMessage() {
    var state = longSession(20)
    apply(&state, escape, .key(KeyEvent(.home)))
    #expect(state.transcript.visibleText.first == "·header·")
    #expect(state.transcript.visibleText[1] == "question 0")
  }

  @Test func theMouseWheelScrollsTheTranscript() {
    var state = longSession(20)
    let before = state.transcript.visibleText
    apply(&state, .mouse(MouseEvent(.wheelUp, x: 30, y: 5)))
    #expect(state.transcript.visibleText != before)
    #expect(Array(state.transcript.visibleText.dropFirst(3)) == Array(before.dropLast(3)))
  }

  @Test func resizingRewrapsAndKeepsTheTail() {
    var state = longSession(5)
    let long = String(repeating: "word ", count: 40)
    let id = startReply(&state, prompt: "go", replyID: "live", position: 10)
    apply(&state, .conversation(id, .content(long), at: referenceDate))
    let wide = state.transcript.visibleText
    apply(&state, .resized(TerminalSize(columns: 60, rows: 16)))
    #expect(state.transcript.width == 56)
    let narrow = state.transcript.visibleText
    #expect(narrow.count == state.transcript.height)
    #expect(narrow.allSatisfy { DisplayWidth.width(of: $0) <= 56 })
    #expect(narrow.joined(separator: " ").contains("word word"))
    #expect(wide != narrow)
  }

  /// Streaming into the transcript gives the same lines as loading the finished message.
  @Test func streamedTranscriptEqualsALoadedOne() {
    var generator = SplitMix(seed: 7)
    let text =
      "# Title\n\nSome **bold** text and `code`.\n\n```swift\nlet x = 1\nprint(x)\n```\n\n- one\n- two\n\n> quoted\n\nThe end."
    for _ in 0..<20 {
      var streamed = makeState(columns: 80, rows: 60)
      let id = startReply(&streamed, prompt: "go", replyID: "r", position: 0)
      var rest = Substring(text)
      while !rest.isEmpty {
        let size = Int(generator.next() % 7) + 1
        let piece = rest.prefix(size)
        rest = rest.dropFirst(size)
        apply(&streamed, .conversation(id, .content(String(piece)), at: referenceDate))
      }
      var loaded = makeState(columns: 80, rows: 60)
      apply(
        &loaded,
        .opened(
          session(),
          [
            TranscriptEntry(message: message("u-r", .user, "go", position: 0)),
            TranscriptEntry(
              message: message("r", .assistant, text, position: 1, status: .streaming)),
          ]))
      #expect(streamed.transcript.visibleText == loaded.transcript.visibleText)
    }
  }
}

struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
