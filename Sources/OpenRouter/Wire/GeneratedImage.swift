/// An image a model made, as a stream delta or a whole message carries it: `{"type":
/// "image_url", "image_url": {"url": "data:image/png;base64,…"}}`
/// (OpenRouter.docc/Multimodal.md, Generated images).
public struct GeneratedImage: Sendable, Hashable {
  /// A `data:` URL as sent (megabytes of base64), or in principle a plain URL.
  public var url: String

  public init(url: String) {
    self.url = url
  }

  /// The images of a delta's or a message's `images` array; entries without a URL are
  /// skipped.
  static func images(in value: JSONValue?) -> [GeneratedImage] {
    guard case .array(let items)? = value else { return [] }
    return items.compactMap { item in
      (item["image_url"]?["url"]?.stringValue ?? item["url"]?.stringValue)
        .map(GeneratedImage.init(url:))
    }
  }
}
