package io.ledgerline.platforms.webhook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one way Ledgerline parses XML a sender controls (Salesforce's SOAP outbound messages): no
 * DOCTYPE at all (SOAP forbids one anyway), so no entity expansion and nothing external is ever
 * loaded (XXE); and nesting deeper than {@link #MAX_DEPTH} elements is refused before it can
 * exhaust the stack (a SOAP outbound message nests about eight deep).
 */
public final class SafeXml {

  /** The deepest element nesting accepted. */
  public static final int MAX_DEPTH = 64;

  private static final String MAX_ELEMENT_DEPTH =
      "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private SafeXml() {}

  /**
   * The namespace-aware document, or empty for anything that is not well-formed, DOCTYPE-free XML.
   */
  public static Optional<Document> parse(byte[] body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setAttribute(MAX_ELEMENT_DEPTH, String.valueOf(MAX_DEPTH));
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(SILENT); // the default handler prints to stderr
      return Optional.of(builder.parse(new ByteArrayInputStream(body)));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser lacks a required feature", e);
    } catch (SAXException | IOException | RuntimeException | StackOverflowError e) {
      // RuntimeException and a stack overflow too: the JDK parser is not ours, and hostile input
      // must end as a rejection, never as a 500.
      return Optional.empty();
    }
  }

  /** Whether {@code element} is the element {@code namespace}:{@code localName}. */
  public static boolean is(Element element, String namespace, String localName) {
    return element != null
        && namespace.equals(element.getNamespaceURI())
        && localName.equals(element.getLocalName());
  }

  /** The child elements of {@code parent} named {@code namespace}:{@code localName}, in order. */
  public static List<Element> children(Element parent, String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && is(e, namespace, localName)) {
        found.add(e);
      }
    }
    return found;
  }
}
