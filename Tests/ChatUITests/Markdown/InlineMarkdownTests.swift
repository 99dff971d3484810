import ChatCore
import ChatDomain
import ChatUI
import Testing

@Suite struct InlineMarkdownTests {
  private func spans(_ text: String) -> [StyledSpan] {
    InlineMarkdown.spans(text, style: .prose(.transcriptBody))
  }

  private func span(_ text: String, _ role: StyleRole) -> StyledSpan {
    StyledSpan(text, role: role)
  }

  @Test func plainTextIsOneSpan() {
    #expect(spans("just words.") == [span("just words.", .transcriptBody)])
    #expect(spans("").isEmpty)
  }

  @Test func strongEmphasisAndBoth() {
    #expect(
      spans("a **b** *c* ***d*** __e__ _f_") == [
        span("a ", .transcriptBody), span("b", .markdownBold), span(" ", .transcriptBody),
        span("c", .markdownItalic), span(" ", .transcriptBody), span("d", .markdownBoldItalic),
        span(" ", .transcriptBody), span("e", .markdownBold), span(" ", .transcriptBody),
        span("f", .markdownItalic),
      ])
  }

  @Test func nestedEmphasisInsideStrong() {
    #expect(
      spans("**bold *both* bold**") == [
        span("bold ", .markdownBold), span("both", .markdownBoldItalic),
        span(" bold", .markdownBold),
      ])
  }

  @Test func unmatchedDelimitersStayLiteral() {
    #expect(spans("**not closed") == [span("**not closed", .transcriptBody)])
    #expect(spans("2 * 3 * 4") == [span("2 * 3 * 4", .transcriptBody)])
  }

  @Test func underscoresInsideWordsStayLiteral() {
    #expect(spans("snake_case_name") == [span("snake_case_name", .transcriptBody)])
  }

  @Test func codeSpansMatchEqualBacktickRunsAndShowContentRaw() {
    #expect(
      spans("use `a*b*c` or ``x ` y``") == [
        span("use ", .transcriptBody), span("a*b*c", .markdownInlineCode),
        span(" or ", .transcriptBody), span("x ` y", .markdownInlineCode),
      ])
    #expect(spans("a `b") == [span("a `b", .transcriptBody)])
  }

  @Test func backslashEscapesPunctuation() {
    #expect(spans(#"\*not\* \`code\`"#) == [span("*not* `code`", .transcriptBody)])
  }

  @Test func linksShowTheirTextThenTheURL() {
    #expect(
      spans("see [the docs](https://x.dev/a_(b)) now") == [
        span("see ", .transcriptBody), span("the docs", .markdownLink),
        span(" (https://x.dev/a_(b))", .markdownLinkURL), span(" now", .transcriptBody),
      ])
  }

  @Test func linkWhoseTextIsItsURLShowsItOnce() {
    #expect(spans("[https://a.io](https://a.io)") == [span("https://a.io", .markdownLink)])
    #expect(spans("[top](#intro)") == [span("top", .markdownLink)])
  }

  @Test func imagesShowTheirAltTextAndURL() {
    #expect(
      spans("![a cat](c.png)") == [
        span("image: a cat", .markdownLink), span(" (c.png)", .markdownLinkURL),
      ])
  }

  @Test func autolinksAndBareURLsAreLinks() {
    #expect(
      spans("<https://a.io/x> and https://b.io/y_z.") == [
        span("https://a.io/x", .markdownLink), span(" and ", .transcriptBody),
        span("https://b.io/y_z", .markdownLink), span(".", .transcriptBody),
      ])
    #expect(
      spans("(see https://c.io/p)") == [
        span("(see ", .transcriptBody), span("https://c.io/p", .markdownLink),
        span(")", .transcriptBody),
      ])
  }

  @Test func uniformStyleKeepsCodeAndLinkRoles() {
    let heading = InlineMarkdown.spans("**Big** `code`", style: .uniform(.markdownHeading))
    #expect(heading == [span("Big ", .markdownHeading), span("code", .markdownInlineCode)])
  }

  @Test func newlinesAreKeptForTheWrapper() {
    #expect(spans("one\ntwo") == [span("one\ntwo", .transcriptBody)])
  }
}
