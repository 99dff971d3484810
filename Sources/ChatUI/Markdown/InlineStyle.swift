import ChatDomain

/// The roles inline markdown maps to, so one parser serves body text, headings, quotes
/// and table headers.
public struct InlineStyle: Sendable, Hashable {
  public var text: StyleRole
  public var strong: StyleRole
  public var emphasis: StyleRole
  public var strongEmphasis: StyleRole
  public var code: StyleRole
  public var link: StyleRole
  public var linkURL: StyleRole

  public init(
    text: StyleRole, strong: StyleRole, emphasis: StyleRole, strongEmphasis: StyleRole,
    code: StyleRole = .markdownInlineCode, link: StyleRole = .markdownLink,
    linkURL: StyleRole = .markdownLinkURL
  ) {
    self.text = text
    self.strong = strong
    self.emphasis = emphasis
    self.strongEmphasis = strongEmphasis
    self.code = code
    self.link = link
    self.linkURL = linkURL
  }

  /// Prose in `role`, with the markdown emphasis roles.
  public static func prose(_ role: StyleRole) -> InlineStyle {
    InlineStyle(
      text: role, strong: .markdownBold, emphasis: .markdownItalic,
      strongEmphasis: .markdownBoldItalic)
  }

  /// Text where emphasis does not change the role (headings, table headers); code spans
  /// and links keep theirs.
  public static func uniform(_ role: StyleRole) -> InlineStyle {
    InlineStyle(text: role, strong: role, emphasis: role, strongEmphasis: role)
  }

  /// The role of text under `strong` and `emphasis` nesting depths.
  func role(strong: Int, emphasis: Int) -> StyleRole {
    switch (strong > 0, emphasis > 0) {
    case (true, true): strongEmphasis
    case (true, false): self.strong
    case (false, true): self.emphasis
    case (false, false): text
    }
  }
}
