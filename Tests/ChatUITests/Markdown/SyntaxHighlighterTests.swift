import ChatCore
import ChatDomain
import ChatUI
import Testing

@Suite struct SyntaxHighlighterTests {
  /// The highlighted (non-plain) spans of a line, by text.
  private func roles(_ line: String, _ language: String) -> [String: StyleRole] {
    var highlighter = SyntaxHighlighter(language: CodeLanguage.named(language))
    var result: [String: StyleRole] = [:]
    for span in highlighter.highlight(line) where span.role != .code {
      result[span.text] = span.role
    }
    return result
  }

  private func highlight(_ lines: [String], _ language: String) -> [[StyledSpan]] {
    var highlighter = SyntaxHighlighter(language: CodeLanguage.named(language))
    return lines.map { highlighter.highlight($0) }
  }

  @Test func swiftKeywordsStringsCommentsAndNumbers() {
    let spans = highlight([#"let x = "hi" + 42 // note"#], "swift")[0]
    #expect(
      spans == [
        StyledSpan("let", role: .codeKeyword), StyledSpan(" x = ", role: .code),
        StyledSpan("\"hi\"", role: .codeString), StyledSpan(" + ", role: .code),
        StyledSpan("42", role: .codeNumber), StyledSpan(" ", role: .code),
        StyledSpan("// note", role: .codeComment),
      ])
  }

  @Test func swiftAttributesCountAsKeywords() {
    #expect(
      highlight(["@MainActor func f()"], "swift")[0].first
        == StyledSpan("@MainActor", role: .codeKeyword))
  }

  @Test func pythonCommentsAndTripleQuotedStringsAcrossLines() {
    let lines = highlight(["def f():  # c", "    s = '''a", "b''' + 1"], "py")
    #expect(lines[0].first == StyledSpan("def", role: .codeKeyword))
    #expect(lines[0].last == StyledSpan("# c", role: .codeComment))
    #expect(lines[1].last == StyledSpan("'''a", role: .codeString))
    #expect(lines[2].first == StyledSpan("b'''", role: .codeString))
    #expect(lines[2].last == StyledSpan("1", role: .codeNumber))
  }

  @Test func javaScriptBlockCommentsAndTemplatesCarryOverLines() {
    let lines = highlight(["const a = `x", "y` /* c", "d */ return 0x1F"], "typescript")
    #expect(lines[0].first == StyledSpan("const", role: .codeKeyword))
    #expect(lines[1].first == StyledSpan("y`", role: .codeString))
    #expect(lines[1].last == StyledSpan("/* c", role: .codeComment))
    #expect(lines[2].first == StyledSpan("d */", role: .codeComment))
    #expect(lines[2].last == StyledSpan("0x1F", role: .codeNumber))
  }

  @Test func shellCommentsOnlyAtWordStartAndUnclosedQuotesEndWithTheLine() {
    let lines = highlight(["echo $# 'it", "if true; then # done"], "bash")
    #expect(lines[0].first == StyledSpan("echo", role: .codeKeyword))
    #expect(!lines[0].contains { $0.role == .codeComment })
    #expect(lines[1].first == StyledSpan("if", role: .codeKeyword))
    #expect(lines[1].last == StyledSpan("# done", role: .codeComment))
  }

  @Test func jsonLiteralsStringsAndNumbers() {
    let found = roles(#"{"k": true, "n": -1.5e3, "z": null}"#, "json")
    #expect(found["true"] == .codeKeyword)
    #expect(found["null"] == .codeKeyword)
    #expect(found["\"k\""] == .codeString)
    #expect(found["1.5e3"] == .codeNumber)
  }

  @Test func unknownLanguageIsPlainCode() {
    #expect(highlight(["let x = 1"], "cobol")[0] == [StyledSpan("let x = 1", role: .code)])
  }

  @Test(arguments: ["swift", "python", "js", "sh", "json", "none"])
  func highlightingNeverChangesTheText(language: String) {
    let lines = [
      #"x = "a\"b" // c /* d"#, "'''", "e */ 0x1_000 `t", "日本 🎉 $# @a #b", "", "\t\"",
    ]
    var highlighter = SyntaxHighlighter(language: CodeLanguage.named(language))
    for line in lines {
      #expect(highlighter.highlight(line).plainText == line)
    }
  }
}
