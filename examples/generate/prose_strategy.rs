//! The strategic prose of the sample company: direction, positioning and the
//! why/identify text of each segment. Markdown, in English, as a sales
//! director would write it. Text only; the structure lives in `catalog`.

pub const DIRECTION: &str = r#"
Nordvik Industriteknik is moving from being **a project supplier** that wins an automation
job, delivers it and leaves, to being **the uptime partner** that Swedish process and food
industry keeps for the whole life of a production line.

Three shifts carry that move through the strategy period:

1. **Recurring before one-off.** Service agreements, condition monitoring and consignment
   spare-parts stocks should grow from roughly a quarter of our order intake to well over a
   third. Every automation project we deliver is sold with a service agreement attached,
   or we write down why not.
2. **Fewer, deeper customers.** We concentrate field sales on process industry and on food
   and life science, where a stopped line costs the customer more per hour than most of our
   projects cost in total. Small workshops are served through the web shop and the
   Academy, not by a seller in the car.
3. **North and Mälardalen before new geography.** We grow where our service engineers
   already are (Mälardalen, Bergslagen, the Norrland coast and Västra Götaland) rather than
   open new offices. Coverage decides what we can promise, and what we promise is what we
   sell.

What this means for the sales team day to day: know your top accounts' installed base,
bring a service offer to every project meeting, and let go of deals that do not fit the
segments below, however friendly the buyer.
"#;

pub const POSITIONING: &str = r#"
**For maintenance and production managers in Swedish process and food industry who
cannot afford unplanned stops, Nordvik is the vendor-independent automation partner with
engineers a short drive away.**

Against the **global automation manufacturers** we are independent: we work across
brands (the 20-year-old control system as well as the new one), we answer the phone
ourselves, and our engineers stay on the same sites for years. We do not compete on
product price; we compete on knowing the customer's plant.

Against **local electrical contractors** we bring method and depth: validated
documentation, cybersecure remote access, process know-how and a 24/7 on-call service
with a four-hour on-site promise in our core regions.

Proof points we use in every meeting:

- More than 300 control system migrations completed without a missed production restart.
- Average on-site response of 2 h 40 min on service agreements over the last twelve months.
- Nordvik Academy: 1,100 operators and technicians trained in the last three years.
- Reference sites in every focus segment that are willing to take a visit.

What we never say: that we are cheapest, that we can do everything, or that we can be
everywhere in Sweden by tomorrow.
"#;

pub const PROCESS_WHY: &str = r#"
Process plants (pulp and paper, chemicals, steel and mining) run around the clock, and an
hour of unplanned stop typically costs them **SEK 250,000 to 1.5 million**. That is why
they buy uptime, not hardware, and why they pay for a partner who knows the plant.

- Largest installed base of old control systems in Sweden: the migration wave has
  started and runs for the next decade.
- Long relationships: a won site stays with us for 10 years or more on average.
- Every migration opens a service agreement, a spare-parts stock and operator training.
- Our engineers in Bergslagen and along the Norrland coast are already on site.

This segment carries the largest share of the revenue target and deserves the best
people and the first slot in every sales meeting.
"#;

pub const PROCESS_IDENTIFY: &str = r#"
**Where:** mills, smelters and chemical plants along the Norrland coast, in Bergslagen,
around Mälaren and in the Stenungsund cluster.

**Quick test** (all three, or drop it):

1. Continuous or batch process industry with **150 employees or more** at the site.
2. A control system older than 15 years, or a migration in the five-year plan.
3. A named maintenance manager who owns the uptime budget.

Signals worth a call: a new maintenance manager, an announced capacity investment, a
stop that made the local newspaper, obsolescence notices from the control system vendor.
"#;

pub const FOOD_WHY: &str = r#"
Food, beverage and pharmaceutical producers are growing in Sweden, are under constant
pressure to document hygiene and traceability, and are short of in-house automation
engineers. They value **validated, documented delivery** more than any other group, and
that is exactly where we are stronger than the local contractor.

- Frequent line changes and new products mean a steady flow of small and medium projects.
- GMP and food-safety audits make documentation and qualification (IQ/OQ) a paid service.
- High willingness to sign service agreements once a line has been validated with us.
"#;

pub const FOOD_IDENTIFY: &str = r#"
**Where:** Skåne, Halland and Västra Götaland for food and beverage; Uppsala, Stockholm
and Södertälje for pharma and life science.

**Quick test:**

- Food, beverage or pharmaceutical production with **30 employees or more**.
- More than one packing or filling line, or a clean-room production area.
- An audit, a new product launch or a line extension within the next 18 months.

Ask early who owns validation; if the answer is "nobody", that is our opening.
"#;

pub const OWNER_LED_WHY: &str = r#"
Owner-led and private-equity-owned manufacturers (engineering workshops, plastics,
automotive suppliers, sawmills and packaging) decide fast and pay on time. They are
good customers for robot cells and line automation, but they buy projects one at a
time and rarely sign long agreements.

We **maintain** this segment: we answer every inquiry and keep the key accounts warm,
but we do not prospect it actively. The exception is when a customer is ready for a
service agreement after a delivered project: then it gets the same attention as a
focus account.
"#;

pub const OWNER_LED_IDENTIFY: &str = r#"
**Where:** Gnosjö and the Småland highlands, Västra Götaland, Östergötland and Dalarna.

**Quick test:** manufacturing company with **30 to 999 employees**, owned by a family
or a private-equity fund (not a subsidiary of a large group, where the decision is made
abroad). The owner or the CEO is often in the first meeting; bring a case with payback
in months, not years.
"#;

pub const ENERGY_WHY: &str = r#"
District heating, power and water utilities need reliable automation and cybersecure
remote access, and procure through public tenders or framework agreements. Margins are
lower and cycles longer, but the revenue is steady and the sites sit where our service
engineers already drive.

We **maintain** the segment: we bid on framework agreements in regions where we can
meet the response time, and sell condition monitoring and spare-parts stocks on top.
"#;

pub const ENERGY_IDENTIFY: &str = r#"
**Where:** only in the counties where we have on-call coverage (listed in the segment
rule); outside them we do not bid.

**Quick test:** energy company or water and wastewater utility in a covered county, a
public procurement calendar we can read, and a technical contact we can reach before the
tender is published. If we first hear about it when the tender is out, we usually pass.
"#;

pub const SMALL_WHY: &str = r#"
Small workshops and producers with fewer than 30 employees mostly buy spare parts and
the occasional repair. Field sales time spent here has the **highest cost per won
krona** in our books and the lowest follow-on sales.

We **deprioritise** the segment: no prospecting and no field visits. We serve these
customers well through the web shop, the phone desk and open Academy courses, and pass
leads to partner integrators when they need a project.
"#;

pub const SMALL_IDENTIFY: &str = r#"
Manufacturing or food companies with **fewer than 30 employees**. Typical sign: the
first contact is the owner asking for a price on a single part or a one-day repair.

If a seller finds a deal here in the pipeline, it should either be small and quick (web
shop, standard parts) or be discussed in the sales meeting before any more time is spent.
"#;
