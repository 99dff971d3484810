import ChatDomain
import GRDB

/// A row of `citation`: source number `ordinal + 1` of a reply.
struct CitationRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "citation"

  var messageId: String
  var ordinal: Int
  var url: String
  var title: String
  var startIndex: Int?
  var endIndex: Int?

  enum CodingKeys: String, CodingKey {
    case ordinal, url, title
    case messageId = "message_id"
    case startIndex = "start_index"
    case endIndex = "end_index"
  }

  init(_ citation: Citation, messageID: String, ordinal: Int) {
    messageId = messageID
    self.ordinal = ordinal
    url = citation.url
    title = citation.title
    startIndex = citation.startIndex
    endIndex = citation.endIndex
  }

  var citation: Citation {
    Citation(url: url, title: title, startIndex: startIndex, endIndex: endIndex)
  }
}
