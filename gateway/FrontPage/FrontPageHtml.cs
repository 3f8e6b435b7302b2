using System.Text.Encodings.Web;

namespace Civic.Gateway.FrontPage;

/// <summary>The front page: the three offers in plain Danish, each with an English line, and where the services are.</summary>
public static class FrontPageHtml
{
    public static string Render(ServiceAddresses services)
    {
        var html = HtmlEncoder.Default;
        return $$"""
            <!DOCTYPE html>
            <html lang="da">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Civic – borgere og kommune skaber løsninger sammen</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
                h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
                h2 { font-size: 1.3rem; margin-top: 2rem; }
                .en { color: #555; font-style: italic; }
                table { border-collapse: collapse; margin-top: 0.5rem; }
                th, td { text-align: left; padding: 0.3rem 1rem 0.3rem 0; }
                code { background: #f2f2f2; padding: 0.1rem 0.3rem; }
              </style>
            </head>
            <body>
              <header>
                <h1>Civic</h1>
                <p>Her kan borgere og kommunen skabe løsninger sammen. Der er tre tilbud.</p>
                <p class="en" lang="en">Where citizens and the municipality create solutions together. There are three offers.</p>
              </header>
              <main>
                <section>
                  <h2>Direktørlinjen</h2>
                  <p>Én gang om måneden kan du tale direkte med direktøren for en forvaltning. Du kan stille spørgsmål
                  eller komme med en idé til, hvordan kommunen kan gøre noget bedre. Du booker en tid, og direktøren
                  ringer dig op. Du hører altid, hvad der sker med din idé.</p>
                  <p class="en" lang="en">Once a month you can talk directly to a department director: book a time, the director calls you, and you always hear what became of your idea.</p>
                </section>
                <section>
                  <h2>Borgerpanelet</h2>
                  <p>En fast gruppe af frivillige borgere, som kommunen spørger, når en sag er særlig svær. Et panel
                  bliver sat sammen ved lodtrækning, så mange forskellige mennesker kommer med. Alle stemmer vejer
                  lige meget, og du får at vide, hvad dine input blev til.</p>
                  <p class="en" lang="en">A standing pool of volunteer citizens; for a difficult case a panel is drawn by fair lottery, every voice weighs the same, and everyone hears what became of their input.</p>
                </section>
                <section>
                  <h2>Ressourcenetværket</h2>
                  <p>Medarbejdere og frivillige, som er gode til at få folk til at arbejde sammen, og som kender vej i
                  kommunens tilbud. De hjælper på tværs af forvaltninger, og en familie kan vælge én af dem som sin
                  faste navigatør.</p>
                  <p class="en" lang="en">Staff and partners with co-creation skills who know their way around the municipality's services; they help across departments, and a family can choose one as its navigator.</p>
                </section>
                <section>
                  <h2>Tjenesterne</h2>
                  <p>Tjenesterne taler gRPC over HTTP/2. Denne side bliver senere indgangen til web og API.</p>
                  <p class="en" lang="en">The services speak gRPC over HTTP/2. This page will become the gateway for the web and the API.</p>
                  <table>
                    <tr><th>Direktørlinjen (Hotline)</th><td><code>{{html.Encode(services.Hotline)}}</code></td></tr>
                    <tr><th>Borgerpanelet (Panel)</th><td><code>{{html.Encode(services.Panel)}}</code></td></tr>
                    <tr><th>Ressourcenetværket (Network)</th><td><code>{{html.Encode(services.Network)}}</code></td></tr>
                  </table>
                </section>
              </main>
            </body>
            </html>
            """;
    }
}
