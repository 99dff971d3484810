import ChatDomain

/// Readable descriptions of why an export does not decode: where (`sessions[0].messages[2]
/// .role`) and what.
enum ArchiveDecodingProblem {
  static func describe(_ error: DecodingError) -> String {
    switch error {
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath + [key])): missing"
    case .typeMismatch(let type, let context):
      return "\(path(context.codingPath)): expected \(name(of: type))"
    case .valueNotFound(let type, let context):
      return "\(path(context.codingPath)): expected \(name(of: type)), found null"
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty { return "the file is not JSON" }
      return "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default:
      return String(describing: error)
    }
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    var text = ""
    for key in keys {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += (text.isEmpty ? "" : ".") + key.stringValue
      }
    }
    return text.isEmpty ? "the top level" : text
  }

  private static func name(of type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Int.Type, is Int64.Type: return "an integer"
    case is Bool.Type: return "true or false"
    default: return String(describing: type)
    }
  }
}
