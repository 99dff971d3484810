import ChatCore
import ChatDomain
import ChatUI
import TestSupport
import Testing

@Suite struct MessageLayoutTests {
  init() throws {
    try #require(TestLocale.pinUTF8())
  }

  @Test func markdownMessageIsSanitisedThenRendered() {
    let layout = MessageLayout("**hi**\u{1B}]2;title\u{07} there\u{1B}[2J", width: 20)
    #expect(layout.lines.map(\.plainText) == ["hi there"])
    #expect(layout.lines[0].spans.first == StyledSpan("hi", role: .markdownBold))
  }

  /// The app draws what the commands print: invisible characters and bidi marks are gone
  /// before layout, and an emoji ZWJ sequence stays one grapheme, drawn as its first emoji
  /// in one two-column cell, also when the joiner ends one delta.
  @Test func invisibleCharactersGoAndEmojiSequencesStayWhole() throws {
    var layout = MessageLayout("a\u{200B}b\u{200E}c\u{FEFF}\u{E0041} 👩\u{200D}", width: 20)
    layout.append("💻 d")
    let line = try #require(layout.lines.first)
    #expect(layout.lines.count == 1)
    #expect(line.plainText == "abc 👩\u{200D}💻 d")
    #expect(DisplayWidth.width(of: line.plainText) == "abc ".count + 2 + 2)
  }

  @Test func escapeSequenceSplitAcrossDeltasIsRemoved() {
    var layout = MessageLayout(width: 20)
    for delta in ["a\u{1B}", "]52;c;", "Zm9v", "\u{07}b"] { layout.append(delta) }
    #expect(layout.lines.map(\.plainText) == ["ab"])
    #expect(layout.revision == 4)
    #expect(layout.sourceUTF8Count == "a\u{1B}]52;c;Zm9v\u{07}b".utf8.count)
  }

  @Test func plainMessagesAreWrappedButNotInterpreted() {
    let layout = MessageLayout(
      "**not bold** and\u{9B}2J more", format: .plain(.transcriptUser), width: 12)
    #expect(layout.lines.map(\.plainText) == ["**not bold**", "and more"])
    #expect(layout.lines.allSatisfy { $0.spans.allSatisfy { $0.role == .transcriptUser } })
    #expect(layout.codeBlock(1) == nil)
  }

  @Test func appendingNeverChangesStableLines() {
    var layout = MessageLayout(width: 30)
    var previous: [StyledLine] = []
    for delta in MarkdownSamples.reply.split(separator: " ", omittingEmptySubsequences: false) {
      layout.append(delta + " ")
      let stable = Array(layout.lines.prefix(layout.stableLineCount))
      #expect(Array(stable.prefix(previous.count)) == previous)
      previous = stable
    }
    #expect(previous.count > 10)
  }

  /// The per-message cache: streamed in random scalar pieces (so graphemes, escape
  /// sequences and markdown markers split) at random widths, the lines always equal those of
  /// a fresh layout of the same text.
  @Test(arguments: 0..<MarkdownSamples.all.count)
  func incrementalLayoutEqualsFreshLayout(sample: Int) {
    let text = MarkdownSamples.all[sample] + "\u{1B}[31m tail \u{9B}0m"
    var random = SeededGenerator(seed: UInt64(sample))
    for _ in 0..<4 {
      let width = Int.random(in: 8...120, using: &random)
      var layout = MessageLayout(width: width)
      var received = ""
      for piece in random.randomScalarSplits(of: text, maxLength: 10) {
        layout.append(piece)
        received += piece
        if Bool.random(using: &random) {
          #expect(layout == MessageLayout(received, width: width), "width \(width)")
        }
      }
      #expect(layout == MessageLayout(text, width: width))
    }
  }

  @Test func resizeEqualsAFreshLayoutAtTheNewWidth() {
    var layout = MessageLayout(MarkdownSamples.reply, width: 100)
    layout.resize(to: 33)
    #expect(layout == MessageLayout(MarkdownSamples.reply, width: 33))
  }

  @Test func appendingThenResizingEqualsAFreshLayout() {
    var layout = MessageLayout("Hello", width: 40)
    layout.append(", wörld 🎉")
    layout.resize(to: 20)
    #expect(layout.revision == 2)
    #expect(layout == MessageLayout("Hello, wörld 🎉", width: 20))
  }

  @Test func codeBlocksAreNumberedPerMessageForCopy() {
    let layout = MessageLayout(MarkdownSamples.code, width: 80)
    #expect(layout.codeBlockCount == 5)
    #expect(layout.codeBlock(2)?.language == "json")
    #expect(layout.codeBlock(1)?.text.hasPrefix("# install deps\nexport PATH") == true)
  }
}
