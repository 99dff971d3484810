/// One entry of a request's `plugins`: an `id` and the plugin's own settings, inline
/// (OpenRouter.docc/Multimodal.md, The file-parser plugin).
///
/// ```json
/// {"id": "file-parser", "pdf": {"engine": "pdf-text"}}
/// ```
public struct RequestPlugin: Sendable, Hashable, Codable {
  public var id: String
  /// The plugin's other keys (`pdf`, `enabled`, …), kept verbatim.
  public var settings: [String: JSONValue]

  public init(id: String, settings: [String: JSONValue] = [:]) {
    self.id = id
    self.settings = settings
  }

  /// The `file-parser` plugin, which turns attached PDFs into what the model reads; `engine`
  /// is `pdf-text`, `mistral-ocr` or `native`, `nil` to let OpenRouter choose.
  public static func fileParser(pdfEngine engine: String?) -> RequestPlugin {
    RequestPlugin(
      id: "file-parser",
      settings: engine.map { ["pdf": .object(["engine": .string($0)])] } ?? [:])
  }

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    id = try container.decode(String.self, forKey: Key(stringValue: "id"))
    var settings: [String: JSONValue] = [:]
    for key in container.allKeys where key.stringValue != "id" {
      settings[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
    }
    self.settings = settings
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(id, forKey: Key(stringValue: "id"))
    for (key, value) in settings { try container.encode(value, forKey: Key(stringValue: key)) }
  }
}
