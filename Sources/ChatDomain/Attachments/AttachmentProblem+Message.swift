import Formatting

extension AttachmentProblem {
  /// One line saying what is wrong with the file and what to do; the path is shown safely
  /// (no control or invisible characters, shortened in the middle past 160 characters).
  public var userMessage: String {
    let name = Format.fileName(path, limit: 160)
    switch self {
    case .missing: return "\(name): no such file"
    case .directory: return "\(name) is a directory: attach the files in it one by one"
    case .unreadable(_, let reason): return "cannot read \(name): \(reason)"
    case .notRegularFile: return "\(name) is not a regular file"
    case .tooLarge(_, let bytes, let limit):
      return "\(name) is \(Format.byteSize(bytes)), over the \(Format.byteSize(limit)) limit "
        + "per file (max_attachment_mb in config.toml)"
    case .messageTooLarge(_, let bytes, let limit):
      return "with \(name) the message would carry \(Format.byteSize(bytes)), over the "
        + "\(Format.byteSize(limit)) limit per message (max_message_attachment_mb in config.toml)"
    case .unknownKind:
      return "\(name) is binary data of a kind orchat cannot send "
        + "(images, PDFs, WAV or MP3 audio and UTF-8 text can be attached)"
    case .empty: return "\(name) is empty"
    }
  }
}
