/// A web source a reply cites: one `url_citation` item of `annotations`
/// (OpenRouter.docc/WebSearch.md, Annotations).
///
/// Everything in it comes from a server and is untrusted: the URL may use any scheme, the
/// title may hold control characters. Callers check the URL before linking to it and
/// sanitise the title before showing it.
public struct URLCitation: Sendable, Hashable, Codable {
  public var url: String
  /// The page's title; empty or missing for some results.
  public var title: String?
  /// An excerpt of the page that OpenRouter adds for some engines; not shown by orchat.
  public var content: String?
  /// Where the cited passage starts in the reply's text, in characters; `0` together with
  /// `endIndex` `0` means the citation is not tied to a passage.
  public var startIndex: Int?
  /// Where the cited passage ends (exclusive), in characters.
  public var endIndex: Int?

  public init(
    url: String, title: String? = nil, content: String? = nil, startIndex: Int? = nil,
    endIndex: Int? = nil
  ) {
    self.url = url
    self.title = title
    self.content = content
    self.startIndex = startIndex
    self.endIndex = endIndex
  }

  enum CodingKeys: String, CodingKey {
    case url, title, content
    case startIndex = "start_index"
    case endIndex = "end_index"
  }

  /// The citations among `annotations` items, in order. Items of other types and
  /// `url_citation` items without a URL are skipped, so one odd item never costs the
  /// others (OpenRouter.docc/WebSearch.md, Annotations).
  public static func citations(in annotations: [JSONValue]) -> [URLCitation] {
    annotations.compactMap { item in
      guard item["type"]?.stringValue == "url_citation",
        let body = item["url_citation"], let url = body["url"]?.stringValue, !url.isEmpty
      else { return nil }
      return URLCitation(
        url: url, title: body["title"]?.stringValue, content: body["content"]?.stringValue,
        startIndex: index(body["start_index"]), endIndex: index(body["end_index"]))
    }
  }
}

/// A character index: a whole number within `Int`'s range, else `nil`.
private func index(_ value: JSONValue?) -> Int? {
  guard case .number(let number)? = value, number.rounded() == number,
    abs(number) < 1e15
  else { return nil }
  return Int(number)
}
