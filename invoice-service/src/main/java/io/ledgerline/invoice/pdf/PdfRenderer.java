package io.ledgerline.invoice.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * HTML to PDF with OpenHTMLtoPDF (PDFBox underneath), with DejaVu Sans embedded (subset) from the
 * service's resources, so the PDF looks the same everywhere and prints ₦ and accented names.
 */
public final class PdfRenderer {

  private static final String FAMILY = "DejaVu Sans";

  private PdfRenderer() {}

  public static byte[] render(String html) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useFont(() -> font("DejaVuSans.ttf"), FAMILY, 400, FontStyle.NORMAL, true);
    builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FAMILY, 700, FontStyle.NORMAL, true);
    // No italic face is shipped: italic text is the regular face slanted by the renderer.
    builder.useFont(() -> font("DejaVuSans.ttf"), FAMILY, 400, FontStyle.ITALIC, true);
    builder.withHtmlContent(html, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static InputStream font(String name) {
    InputStream in = PdfRenderer.class.getResourceAsStream("/fonts/" + name);
    if (in == null) {
      throw new IllegalStateException("font " + name + " is missing");
    }
    return in;
  }
}
