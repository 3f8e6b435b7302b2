using Civic.Hosting.DemoData;
using Microsoft.EntityFrameworkCore;

namespace Civic.Network.Toolbox;

/// <summary>Thirty co-creation recipes and guides in Danish for the one-machine demo, each added once by slug.</summary>
public sealed class DemoToolboxArticles(NetworkDbContext db, TimeProvider timeProvider) : IDemoDataSeeder
{
    private static readonly (string Title, string Summary, string[] Tags, Audience[] Audiences, string[] Steps)[] Articles =
    [
        ("Borgermøde på en aften", "Sådan holder I et borgermøde, hvor alle kommer til orde.", ["borgermøde", "facilitering"], [Audience.Citizens, Audience.Internal],
            ["Vælg et sted, der er let at komme til.", "Start med en runde, hvor alle siger deres navn.", "Saml idéerne på store ark og læs dem op til sidst."]),
        ("Dialogcafé i fem trin", "En uformel samtale ved små borde om et fælles spørgsmål.", ["dialog", "facilitering"], [Audience.Citizens, Audience.Partners, Audience.Internal],
            ["Formulér ét åbent spørgsmål.", "Sæt 4–6 personer ved hvert bord med en vært.", "Skift borde efter 20 minutter; værten bliver."]),
        ("Walk and talk i nærområdet", "Gå en tur med borgerne og tal om det, I ser.", ["nærområde", "dialog"], [Audience.Citizens, Audience.Internal],
            ["Planlæg en rute på højst en time.", "Stop tre steder og stil et spørgsmål.", "Tag billeder og del dem bagefter."]),
        ("Fremtidsværksted", "Kritik, fantasi og virkelighed: en klassisk metode til fælles idéer.", ["workshop", "idéudvikling"], [Audience.Citizens, Audience.Partners, Audience.Internal],
            ["Kritikfasen: hvad er svært i dag?", "Fantasifasen: hvad ville være det bedste?", "Virkelighedsfasen: hvad kan vi gøre nu?"]),
        ("Brugerrejse på en side", "Tegn borgerens vej gennem kommunens tilbud og find stederne, hvor det går i stå.", ["servicedesign", "navigation"], [Audience.Internal],
            ["Vælg én borger og én situation.", "Tegn hvert møde med kommunen som en boks.", "Markér, hvor borgeren venter eller bliver sendt videre."]),
        ("Interview med en borger", "Gode spørgsmål og god ro til et kvalitativt interview.", ["interview", "brugerundersøgelser"], [Audience.Internal, Audience.Partners],
            ["Fortæl, hvad svarene skal bruges til.", "Spørg til konkrete oplevelser, ikke holdninger.", "Læs dine noter op for borgeren til sidst."]),
        ("Forældremøde med mægling", "Når et forældremøde er præget af konflikt.", ["mægling", "forældresamarbejde"], [Audience.Internal],
            ["Mød parterne hver for sig først.", "Aftal spilleregler for mødet.", "Skriv aftaler ned, og send dem til alle."]),
        ("Netværksmøde om en familie", "Saml familiens netværk og de fagfolk, der hjælper.", ["netværk", "udsatte familier"], [Audience.Internal],
            ["Familien vælger, hvem der inviteres.", "Start med det, der går godt.", "Slut med, hvem der gør hvad og hvornår."]),
        ("Frivillige i en ældregruppe", "Sådan kommer frivillige godt i gang med besøg og fællesspisning.", ["frivillige", "ensomhed", "ældre"], [Audience.Partners, Audience.Citizens],
            ["Hold et introduktionsmøde.", "Lav faste par af frivillig og borger.", "Mød hinanden hver måned og del erfaringer."]),
        ("Grafisk facilitering for begyndere", "Tegn mødet, mens det sker, så alle kan se, hvad der er sagt.", ["visualisering", "facilitering"], [Audience.Internal, Audience.Partners],
            ["Øv fem simple figurer: person, hus, pil, sky, stjerne.", "Skriv med store bogstaver.", "Hæng tegningen op, og lad deltagerne rette den."]),
        ("Samskabelse med foreninger", "Hvordan kommunen og foreninger skaber et tilbud sammen.", ["samskabelse", "foreninger"], [Audience.Partners, Audience.Internal],
            ["Afklar, hvad hver part bidrager med.", "Aftal, hvem der beslutter hvad.", "Evaluer sammen efter tre måneder."]),
        ("Borgerpanel i praksis", "Når en gruppe borgere skal give råd om en svær sag.", ["borgerpanel", "borgerinddragelse"], [Audience.Citizens, Audience.Internal],
            ["Giv panelet et klart spørgsmål.", "Lad eksperter fortælle, og panelet spørge.", "Panelet skriver selv sine anbefalinger."]),
        ("Klart sprog i breve", "Skriv breve, som borgeren forstår første gang.", ["klarsprog", "kommunikation"], [Audience.Internal],
            ["Skriv det vigtigste først.", "Brug du og vi.", "Læs brevet højt for en kollega."]),
        ("Tolk i samtalen", "Sådan bruger I en tolk godt, når borgeren taler et andet sprog.", ["tolkning", "integration"], [Audience.Internal, Audience.Partners],
            ["Bestil tolken i god tid.", "Tal til borgeren, ikke til tolken.", "Brug korte sætninger."]),
        ("Mentorforløb for unge", "Et forløb, hvor en mentor følger en ung i et halvt år.", ["mentor", "unge"], [Audience.Partners, Audience.Internal],
            ["Match mentor og ung på interesser.", "Mød hinanden hver uge de første to måneder.", "Aftal et mål, I kan fejre."]),
        ("Hverdagsrehabilitering sammen med borgeren", "Borgeren sætter målet; fagfolk og pårørende hjælper.", ["rehabilitering", "ældre"], [Audience.Citizens, Audience.Internal],
            ["Spørg: hvad vil du gerne kunne igen?", "Del målet i små skridt.", "Følg op hver anden uge."]),
        ("Digital hjælp i biblioteket", "Et fast tilbud om hjælp til Digital Post og MitID.", ["digital inklusion", "bibliotek"], [Audience.Citizens, Audience.Partners],
            ["Hav faste åbningstider.", "Lad frivillige hjælpe sammen med personalet.", "Hjælp borgeren til selv at trykke."]),
        ("Evaluering uden skemaer", "Lær af et forløb med samtaler i stedet for spørgeskemaer.", ["evaluering", "effektmåling"], [Audience.Internal],
            ["Spørg: hvad gjorde en forskel?", "Saml historier fra mindst fem deltagere.", "Del det, I lærte, med netværket."]),
        ("Workshop på to timer", "En skabelon til en kort og effektiv workshop.", ["workshop", "facilitering"], [Audience.Internal, Audience.Partners, Audience.Citizens],
            ["Ti minutter: hvorfor er vi her?", "En time: idéer i små grupper.", "Tyve minutter: vælg og aftal næste skridt."]),
        ("Tryghedsvandring i boligområdet", "Beboere viser, hvor de føler sig trygge og utrygge.", ["tryghed", "boligsocialt arbejde"], [Audience.Citizens, Audience.Partners],
            ["Gå om aftenen, når det er mørkt.", "Lad beboerne vise vej.", "Send en liste over fund til boligselskab og kommune."]),
        ("Klimaworkshop med skoleklasser", "Elever finder idéer til et grønnere lokalområde.", ["klima", "børn og unge"], [Audience.Citizens, Audience.Internal],
            ["Start med elevernes egne observationer.", "Lad grupperne vælge ét problem.", "Præsenter idéerne for byrådspolitikere."]),
        ("Pårørendecafé", "Et fast mødested for pårørende til borgere med demens.", ["pårørende", "ældre"], [Audience.Citizens, Audience.Partners],
            ["Mød hinanden samme dag hver måned.", "Inviter en fagperson hver anden gang.", "Lad der være tid til kaffe og snak."]),
        ("Sådan bruger du ressourcenetværket", "Find en kollega, der kan hjælpe, og få din leders opbakning.", ["ressourcenetværket", "anmodninger"], [Audience.Internal],
            ["Søg efter kompetencen, ikke personen.", "Beskriv behovet og antal timer.", "Personens leder godkender timerne."]),
        ("Navigatør for en familie", "Hvad en navigatør gør, og hvad familien kan forvente.", ["navigatør", "udsatte familier"], [Audience.Citizens, Audience.Internal],
            ["Familien vælger selv sin navigatør.", "Navigatøren kender vej i kommunens tilbud.", "Der er altid en ekstra navigatør, hvis den første er væk."]),
        ("Idéudvikling med post-its", "En enkel metode til mange idéer på kort tid.", ["idéudvikling", "workshop"], [Audience.Citizens, Audience.Partners, Audience.Internal],
            ["Skriv én idé pr. seddel.", "Sæt sedlerne op og grupper dem.", "Giv hver deltager tre prikker at stemme med."]),
        ("Inddragelse af børn", "Børn har ret til at blive hørt i sager om dem.", ["børn og unge", "borgerinddragelse"], [Audience.Internal],
            ["Tal med barnet et sted, det kender.", "Brug tegninger og spil.", "Fortæl barnet, hvad du gør med det, det sagde."]),
        ("Fællesspisning mod ensomhed", "Mad samler: sådan starter I en fællesspisning.", ["ensomhed", "fællesskab"], [Audience.Citizens, Audience.Partners],
            ["Find et køkken og faste frivillige.", "Hold prisen lav.", "Byd nye gæster særligt velkommen."]),
        ("Jobmatch med virksomheder", "Sådan finder jobcentret og virksomheder sammen den rette kandidat.", ["jobformidling", "virksomheder"], [Audience.Partners, Audience.Internal],
            ["Besøg virksomheden før matchet.", "Beskriv opgaverne, ikke kun titlen.", "Følg op efter første uge."]),
        ("Data om borgernes behov", "Brug tal med omtanke, når I planlægger et tilbud.", ["data", "analyse"], [Audience.Internal],
            ["Spørg, hvad tallene ikke viser.", "Kombiner tal med borgernes egne ord.", "Del analysen i et sprog alle forstår."]),
        ("Afslutning af et samskabelsesforløb", "Slut et forløb godt af, så alle ved, hvad der sker nu.", ["samskabelse", "evaluering"], [Audience.Citizens, Audience.Partners, Audience.Internal],
            ["Fortæl, hvad forløbet førte til.", "Tak deltagerne konkret for deres bidrag.", "Aftal, hvem der følger op."]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = (await db.ToolboxArticles.Select(a => a.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = timeProvider.GetUtcNow();
        for (var i = 0; i < Articles.Length; i++)
        {
            var (title, summary, tags, audiences, steps) = Articles[i];
            var slug = ToolboxRules.Slug(title);
            if (existing.Contains(slug))
            {
                continue;
            }

            var body = $"{summary}\n\n## Sådan gør I\n\n{string.Join('\n', steps.Select((s, n) => $"{n + 1}. {s}"))}\n\n## Godt at vide\n\n- Det tager **omkring to timer** at forberede.\n- Spørg ressourcenetværket, hvis I vil have en *erfaren facilitator* med.\n";
            var valid = ToolboxRules.Validate(new NewToolboxArticle(title, summary, body, tags, audiences));
            db.ToolboxArticles.Add(new ToolboxArticle
            {
                Id = $"0192f0a0-0000-7000-8003-{i + 1:D12}",
                Slug = slug,
                Title = valid.Title,
                Summary = valid.Summary,
                BodyMarkdown = valid.BodyMarkdown,
                Tags = [.. valid.Tags],
                Audiences = [.. valid.Audiences],
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
