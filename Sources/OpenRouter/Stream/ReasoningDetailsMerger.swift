/// Keeps streamed `reasoning_details` items for the next request, merging each run of
/// consecutive `reasoning.text` fragments into one item (text concatenated, the first
/// non-null signature and format kept), as OpenRouter's own AI-SDK provider does.
struct ReasoningDetailsMerger: Sendable {
  private(set) var items: [JSONValue] = []

  mutating func add(_ item: JSONValue) {
    guard case .object(let incoming) = item else {
      items.append(item)
      return
    }
    guard incoming["type"]?.stringValue == "reasoning.text",
      case .object(var last)? = items.last, last["type"]?.stringValue == "reasoning.text"
    else {
      items.append(item)
      return
    }
    let text = (last["text"]?.stringValue ?? "") + (incoming["text"]?.stringValue ?? "")
    if !text.isEmpty { last["text"] = .string(text) }
    for key in ["signature", "format", "id"] where (last[key] ?? .null) == .null {
      if let value = incoming[key], value != .null { last[key] = value }
    }
    items[items.count - 1] = .object(last)
  }
}
