import Foundation

/// What an attachment is, decided from its bytes (never from its name alone): how it is sent
/// and how it is shown.
public enum AttachmentKind: String, Sendable, Hashable, CaseIterable, Codable {
  /// PNG, JPEG, WebP or GIF: sent as an `image_url` part with a `data:` URL.
  case image
  /// Sent as a `file` part, read by the model or by OpenRouter's file parser.
  case pdf
  /// WAV or MP3: sent as an `input_audio` part.
  case audio
  /// UTF-8 text or source code: sent as a text part naming the file, its content fenced.
  case text

  /// The catalog's input modality a model needs for this kind (`file` for PDFs, which
  /// OpenRouter can also parse for any model).
  public var modality: String {
    switch self {
    case .image: "image"
    case .pdf: "file"
    case .audio: "audio"
    case .text: "text"
    }
  }
}

/// A file attached to a message (by the user) or made by a model (a generated image): what
/// is known about it without its bytes. The bytes are stored once per content, by SHA-256.
public struct Attachment: Sendable, Hashable, Codable {
  /// The SHA-256 of the bytes, 64 lowercase hex digits.
  public var sha256: String
  /// The file's name as given (untrusted: sanitise before showing it).
  public var name: String
  /// `image/png`, `application/pdf`, `audio/wav`, `text/plain`, …
  public var mediaType: String
  public var kind: AttachmentKind
  public var byteCount: Int
  /// Pixels, for images whose header says.
  public var width: Int?
  public var height: Int?
  /// Pages, for PDFs where counting them is cheap.
  public var pageCount: Int?
  /// Length, for audio whose header says (WAV).
  public var durationMilliseconds: Int?

  public init(
    sha256: String, name: String, mediaType: String, kind: AttachmentKind, byteCount: Int,
    width: Int? = nil, height: Int? = nil, pageCount: Int? = nil,
    durationMilliseconds: Int? = nil
  ) {
    self.sha256 = sha256
    self.name = name
    self.mediaType = mediaType
    self.kind = kind
    self.byteCount = byteCount
    self.width = width
    self.height = height
    self.pageCount = pageCount
    self.durationMilliseconds = durationMilliseconds
  }

  /// The file name's extension, lowercased, without the dot (`""` when none).
  public var fileExtension: String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return String(name[name.index(after: dot)...]).lowercased()
  }

  /// The usual extension for the media type (`png`, `pdf`, `wav`, …).
  public var preferredExtension: String {
    Self.extensions[mediaType] ?? (fileExtension.isEmpty ? "bin" : fileExtension)
  }

  public static let extensions = [
    "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif",
    "application/pdf": "pdf", "audio/wav": "wav", "audio/mpeg": "mp3", "text/plain": "txt",
  ]
}

/// An attachment with its bytes: what is read from a file, sent, stored and exported.
public struct AttachmentFile: Sendable, Hashable {
  public var attachment: Attachment
  public var data: Data

  public init(attachment: Attachment, data: Data) {
    self.attachment = attachment
    self.data = data
  }
}

/// How much may be attached: per file and per message, in bytes.
public struct AttachmentLimits: Sendable, Hashable {
  public static let defaultFileBytes = 20 * 1_000_000
  public static let defaultMessageBytes = 50 * 1_000_000

  public var fileBytes: Int
  public var messageBytes: Int

  public init(fileBytes: Int = defaultFileBytes, messageBytes: Int = defaultMessageBytes) {
    self.fileBytes = fileBytes
    self.messageBytes = max(messageBytes, fileBytes)
  }

  /// The limit a file of `size` bytes passes, if any, when the message already carries
  /// `attachedBytes`.
  public func problem(size: Int, path: String, attachedBytes: Int) -> AttachmentProblem? {
    if size > fileBytes { return .tooLarge(path: path, bytes: size, limit: fileBytes) }
    if attachedBytes + size > messageBytes {
      return .messageTooLarge(path: path, bytes: attachedBytes + size, limit: messageBytes)
    }
    return nil
  }
}

/// Why a file cannot be attached; the reducer and the commands put it into words.
public enum AttachmentProblem: Error, Sendable, Hashable {
  case missing(path: String)
  case directory(path: String)
  /// The file exists but cannot be read (`reason` is the system's, lowercased).
  case unreadable(path: String, reason: String)
  /// Not a regular file (a device, a socket, a pipe).
  case notRegularFile(path: String)
  case tooLarge(path: String, bytes: Int, limit: Int)
  /// Together with what is already attached, the message would pass its limit.
  case messageTooLarge(path: String, bytes: Int, limit: Int)
  /// Binary data of a kind orchat cannot send (not an image, PDF, audio or UTF-8 text).
  case unknownKind(path: String)
  case empty(path: String)

  public var path: String {
    switch self {
    case .missing(let path), .directory(let path), .unreadable(let path, _),
      .notRegularFile(let path), .tooLarge(let path, _, _), .messageTooLarge(let path, _, _),
      .unknownKind(let path), .empty(let path):
      path
    }
  }
}
