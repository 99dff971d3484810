import ChatDomain
import Foundation

/// An attachment in an export: its name, media type, size and SHA-256, and the bytes in
/// base64, so an export is complete on its own.
///
/// ```json
/// {"name": "diagram.png", "media_type": "image/png", "size": 245760,
///  "sha256": "…", "data": "iVBORw0KGgo…"}
/// ```
///
/// On import the bytes must match the size and the hash; the kind and the figures (pixels,
/// pages, length) are read from the bytes again, as when the file was attached.
public struct ArchivedAttachment: Sendable, Hashable, Codable {
  public var name: String
  public var mediaType: String
  public var size: Int
  public var sha256: String
  /// The bytes, base64.
  public var data: String

  enum CodingKeys: String, CodingKey {
    case name, size, sha256, data
    case mediaType = "media_type"
  }

  public init(_ attachment: Attachment, data: Data) {
    name = attachment.name
    mediaType = attachment.mediaType
    size = data.count
    sha256 = attachment.sha256
    self.data = data.base64EncodedString()
  }

  /// The attachment with its bytes, checked.
  /// - Throws: `invalidImport` naming `location` when the bytes do not match.
  func file(at location: String) throws -> AttachmentFile {
    guard let bytes = Data(base64Encoded: data) else {
      throw ChatError.invalidImport("\(location).data: not base64")
    }
    guard bytes.count == size else {
      throw ChatError.invalidImport(
        "\(location).size: \(size), but the data has \(bytes.count) bytes")
    }
    guard AttachmentSniffer.sha256(bytes) == sha256.lowercased() else {
      throw ChatError.invalidImport("\(location).sha256: does not match the data")
    }
    guard let file = AttachmentSniffer.attachment(name: name, data: bytes) else {
      throw ChatError.invalidImport("\(location).data: not an image, PDF, audio or text file")
    }
    return file
  }
}
