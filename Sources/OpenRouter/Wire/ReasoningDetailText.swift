/// Reads the displayable text out of a `reasoning_details` item
/// (OpenRouter.docc/Streaming.md, Reasoning deltas).
enum ReasoningDetailText {
  /// `text` of `reasoning.text`, `summary` of `reasoning.summary`; nothing for encrypted
  /// items, signatures or unknown types.
  static func displayText(of item: JSONValue) -> String? {
    switch item["type"]?.stringValue {
    case "reasoning.text": return item["text"]?.stringValue
    case "reasoning.summary": return item["summary"]?.stringValue
    default: return nil
    }
  }
}
