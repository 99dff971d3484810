/// The vocabulary shared by theme files, views and the terminal backend: cells store a role,
/// a theme maps each role to colours and attributes.
///
/// The raw value is the key used in `themes/*.toml` `[roles]` tables.
public enum StyleRole: String, CaseIterable, Sendable, Hashable, Codable {
  case base = "base"
  case border = "border"
  case borderFocused = "border.focused"
  case title = "title"
  case muted = "muted"
  case selection = "selection"
  case cursor = "cursor"
  /// Characters that matched a search (the model picker, session search snippets).
  case match = "match"

  case transcriptUser = "transcript.user"
  case transcriptAssistant = "transcript.assistant"
  case transcriptHeader = "transcript.header"
  case transcriptBody = "transcript.body"
  case transcriptReasoning = "transcript.reasoning"
  case transcriptError = "transcript.error"
  case transcriptDivider = "transcript.divider"

  case markdownHeading = "markdown.heading"
  case markdownBold = "markdown.bold"
  case markdownItalic = "markdown.italic"
  case markdownBoldItalic = "markdown.bold_italic"
  case markdownInlineCode = "markdown.inline_code"
  case markdownLink = "markdown.link"
  /// The URL shown after a link's text, quieter than the text.
  case markdownLinkURL = "markdown.link_url"
  case markdownQuote = "markdown.quote"
  case markdownListMarker = "markdown.list_marker"
  case markdownRule = "markdown.rule"
  case markdownTableBorder = "markdown.table_border"
  case markdownTableHeader = "markdown.table_header"

  case code = "code"
  case codeBorder = "code.border"
  case codeLabel = "code.label"
  case codeKeyword = "code.keyword"
  case codeString = "code.string"
  case codeComment = "code.comment"
  case codeNumber = "code.number"

  case status = "status"
  case statusWarning = "status.warning"
  case statusError = "status.error"
  case banner = "banner"
  case bannerError = "banner.error"
}
