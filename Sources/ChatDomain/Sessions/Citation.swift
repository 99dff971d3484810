/// A web source a reply cites, as stored with the reply.
///
/// `url` is an `http` or `https` URL that passed `LinkSanitizer` (Formatting) when the reply
/// arrived: safe to print and to link to. `title` is the server's, unsanitised (it is
/// sanitised where it is shown), possibly empty.
public struct Citation: Sendable, Hashable {
  public var url: String
  public var title: String
  /// Where the cited passage starts in the reply's text, in Unicode scalars; `nil` (or `0`
  /// with `endIndex` `0`) when the citation is not tied to a passage.
  public var startIndex: Int?
  /// Where the cited passage ends (exclusive), in Unicode scalars.
  public var endIndex: Int?

  public init(url: String, title: String = "", startIndex: Int? = nil, endIndex: Int? = nil) {
    self.url = url
    self.title = title
    self.startIndex = startIndex
    self.endIndex = endIndex
  }

  /// The end of the cited passage, when the citation is tied to one (a non-empty range).
  public var passageEnd: Int? {
    guard let startIndex, let endIndex, startIndex >= 0, endIndex > startIndex else {
      return nil
    }
    return endIndex
  }
}
