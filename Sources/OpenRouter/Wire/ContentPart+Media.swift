/// Content parts for files, PDFs and audio (OpenRouter.docc/Multimodal.md). They are kept in
/// `ContentPart.other`, so a part round-trips whatever other keys it carries.
extension ContentPart {
  /// A file (a PDF) sent inline: `{"type":"file","file":{"filename":…,"file_data":…}}`, where
  /// `file_data` is a `data:` URL (OpenRouter.docc/Multimodal.md, PDFs).
  public static func file(filename: String, dataURL: String) -> ContentPart {
    ContentPart(
      type: "file", text: nil, imageURL: nil,
      other: ["file": .object(["filename": .string(filename), "file_data": .string(dataURL)])])
  }

  /// Audio sent inline: `{"type":"input_audio","input_audio":{"data":…,"format":…}}`, where
  /// `data` is plain base64 (not a `data:` URL) and `format` is `wav` or `mp3`
  /// (OpenRouter.docc/Multimodal.md, Audio).
  public static func inputAudio(base64: String, format: String) -> ContentPart {
    ContentPart(
      type: "input_audio", text: nil, imageURL: nil,
      other: ["input_audio": .object(["data": .string(base64), "format": .string(format)])])
  }

  /// The `file` object of a file part.
  public var file: (filename: String?, fileData: String?)? {
    guard type == "file", let object = other?["file"] else { return nil }
    return (object["filename"]?.stringValue, object["file_data"]?.stringValue)
  }

  /// The `input_audio` object of an audio part.
  public var inputAudio: (data: String?, format: String?)? {
    guard type == "input_audio", let object = other?["input_audio"] else { return nil }
    return (object["data"]?.stringValue, object["format"]?.stringValue)
  }
}

/// A `data:` URL: `data:<media type>;base64,<payload>`.
public enum DataURL {
  public static func make(mediaType: String, base64: String) -> String {
    "data:\(mediaType);base64,\(base64)"
  }

  /// The media type and the base64 payload of `url`; `nil` when it is not a base64 `data:`
  /// URL. The payload is not decoded here (it may be megabytes).
  public static func parse(_ url: String) -> (mediaType: String, base64: Substring)? {
    guard url.hasPrefix("data:"), let comma = url.firstIndex(of: ",") else { return nil }
    let header = url[url.index(url.startIndex, offsetBy: 5)..<comma]
    let parameters = header.split(separator: ";")
    guard parameters.last?.lowercased() == "base64" else { return nil }
    let mediaType = parameters.count > 1 ? String(parameters[0]).lowercased() : ""
    return (mediaType, url[url.index(after: comma)...])
  }
}
