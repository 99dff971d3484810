import Formatting
import Foundation

/// A complete model listing and when it was taken: the bundled snapshot, or the cache of
/// the last live refresh. Stored as JSON with ISO 8601 dates.
public struct CatalogSnapshot: Sendable, Hashable, Codable {
  /// When the listing was fetched from OpenRouter.
  public var fetchedAt: Date
  /// Where it came from (`GET /models` at a base URL, or the snapshot's origin).
  public var source: String
  /// Sorted by id.
  public var models: [ModelSummary]

  public init(fetchedAt: Date, source: String, models: [ModelSummary]) {
    self.fetchedAt = fetchedAt
    self.source = source
    self.models = models.sorted { $0.id < $1.id }
  }

  enum CodingKeys: String, CodingKey {
    case source, models
    case fetchedAt = "fetched_at"
  }

  public static func decode(_ data: Data) throws -> CatalogSnapshot {
    let decoder = JSONDecoder()
    // By hand rather than `.iso8601`, which loads ICU's calendar data (`InternetDate`).
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = InternetDate.date(from: text) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "not an ISO 8601 date: \(text.prefix(40))")
      }
      return date
    }
    return try decoder.decode(CatalogSnapshot.self, from: data)
  }

  /// Sorted keys and one model per line: small, stable and readable in a diff.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(InternetDate.string(from: date))
    }
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var text = "{\"fetched_at\":"
    text += String(decoding: try encoder.encode(fetchedAt), as: UTF8.self)
    text += ",\"source\":" + String(decoding: try encoder.encode(source), as: UTF8.self)
    text += ",\"models\":[\n"
    text += try models.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
      .joined(separator: ",\n")
    text += "\n]}\n"
    return Data(text.utf8)
  }
}
