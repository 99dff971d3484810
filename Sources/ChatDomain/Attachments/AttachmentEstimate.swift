import Foundation

/// Rough prompt tokens and cost of attachments before they are sent, for the context meter
/// and the cost shown next to pending attachments. Models count differently; these are
/// estimates, shown with `≈`.
public enum AttachmentEstimate {
  /// What `mistral-ocr` charges per page (OpenRouter.docc/Multimodal.md, PDFs): USD.
  public static let ocrPricePerPage = Decimal(string: "0.002")!

  /// Prompt tokens `attachment` is likely to take.
  ///
  /// - Images: from the size in pixels, scaled down as providers do (longest side 1568,
  ///   about 1.15 megapixels), one token per 750 pixels; 1,000 when the size is unknown.
  /// - PDFs: 800 tokens a page (a page every 3 KB when the count is unknown).
  /// - Audio: 32 tokens a second (from the WAV header, else 16 KB a second of MP3).
  /// - Text: a token per 4 bytes.
  public static func tokens(_ attachment: Attachment) -> Int {
    switch attachment.kind {
    case .image:
      guard let width = attachment.width, let height = attachment.height, width > 0, height > 0
      else { return 1000 }
      var w = Double(width)
      var h = Double(height)
      let longest = max(w, h)
      if longest > 1568 {
        w *= 1568 / longest
        h *= 1568 / longest
      }
      let pixels = w * h
      if pixels > 1_150_000 {
        let scale = (1_150_000 / pixels).squareRoot()
        w *= scale
        h *= scale
      }
      return max(1, Int((w * h / 750).rounded()))
    case .pdf:
      return pages(attachment) * 800
    case .audio:
      let seconds =
        attachment.durationMilliseconds.map { Double($0) / 1000 }
        ?? Double(attachment.byteCount) / 16_000
      return max(1, Int((seconds * 32).rounded()))
    case .text:
      return max(1, attachment.byteCount / 4)
    }
  }

  /// A PDF's pages, known or guessed from its size.
  public static func pages(_ attachment: Attachment) -> Int {
    attachment.pageCount ?? max(1, attachment.byteCount / 3000)
  }

  /// What sending `attachments` to `model` is likely to cost: their tokens at the model's
  /// prompt price, plus the OCR engine's page price for PDFs read with `mistral-ocr`. `nil`
  /// when the model's price is not known.
  public static func cost(
    _ attachments: [Attachment], model: ModelSummary?, pdfEngine: String?
  ) -> Decimal? {
    guard case .perToken(let price)? = model?.promptPrice else { return nil }
    var total = Decimal(attachments.reduce(0) { $0 + tokens($1) }) * price
    if pdfEngine == "mistral-ocr" {
      let pageCount = attachments.filter { $0.kind == .pdf }.reduce(0) { $0 + pages($1) }
      total += Decimal(pageCount) * ocrPricePerPage
    }
    return total
  }
}
