/// Whether a model takes what a message carries, by its catalog entry's input modalities.
extension ModelSummary {
  /// The kinds among `kinds` that the model does not list as input (`image`, `file` for
  /// PDFs, `audio`), each once, in order. Text is always taken.
  public func unsupportedKinds(_ kinds: [AttachmentKind]) -> [AttachmentKind] {
    var missing: [AttachmentKind] = []
    for kind in kinds where kind != .text && !missing.contains(kind) {
      if !inputModalities.contains(kind.modality) { missing.append(kind) }
    }
    return missing
  }

  /// Whether a request should ask for images too (`modalities: ["image", "text"]`): the
  /// model lists `image` as an output. Routers (whose price varies) are left out: asking
  /// one for images would narrow its choice to image models.
  public var makesImages: Bool {
    outputModalities.contains("image") && !hasVariablePricing
  }
}

extension AttachmentKind {
  /// How the kind is named in a sentence: "an image", "a PDF", "audio", "a text file".
  public var phrase: String {
    switch self {
    case .image: "images"
    case .pdf: "PDFs"
    case .audio: "audio"
    case .text: "text files"
    }
  }
}
