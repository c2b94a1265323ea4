/** Exits 0 when standard input is well-formed XML 1.0 (the JDK's Xerces parser), else prints why. */
public class XmlCheck {
  public static void main(String[] args) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.newDocumentBuilder().parse(System.in);
    System.out.println("well-formed");
  }
}
