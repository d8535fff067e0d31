//! Value propositions of the offers and the activity text of the tactical
//! plans. Markdown, in English. Text only; the structure lives in `catalog`.

pub const LINE_AUTOMATION: &str = r#"
Robot cells, palletising, conveyors and line control delivered turnkey: **from study to
production in one contract**, with a fixed price for the study and a guaranteed
throughput at acceptance.

- Payback typically 14 to 30 months from reduced manual handling and fewer stops.
- CE marking, risk assessment and operator training included.
- Always offered with a first-year service agreement.
"#;

pub const CONTROL_MIGRATION: &str = r#"
Migration of ageing control systems (DCS and PLC) to current platforms **without
unplanned production loss**: we plan the cut-over around the customer's scheduled stops
and test every loop before restart.

- Vendor-independent assessment of the installed base and a stepwise migration plan.
- Cut-over during planned stops; fallback plan for every step.
- Cybersecurity hardening and documented remote access as part of the delivery.
"#;

pub const SERVICE_AGREEMENT: &str = r#"
**Nordvik Drift**: a yearly uptime agreement with preventive maintenance, 24/7 on-call
support and a four-hour on-site promise in our core regions.

- A named service engineer who knows the site, and a quarterly uptime review.
- Fixed yearly fee with a set of included hours; discounted rates beyond them.
- Renewal is the most profitable sale we make: treat it as a deal of its own.
"#;

pub const HYGIENIC_DESIGN: &str = r#"
Automation for food and pharma lines built to hygienic design principles, with
**qualification (IQ/OQ) and documentation ready for the auditor**.

- Wash-down rated equipment and cabinets, stainless where it matters.
- Validation documentation written by engineers who have passed GMP audits.
- Traceability and batch reporting integrated with the customer's MES or ERP.
"#;

pub const SPARE_PARTS_STOCK: &str = r#"
A consignment stock of the customer's **critical spare parts on site**, owned by us
until used, restocked automatically.

- Criticality analysis of the installed base included in the first year.
- Reduces mean time to repair when obsolete parts fail, which is when stops get long.
- Pays for itself at the first avoided long stop; easy to sell after a migration.
"#;

pub const OPERATOR_TRAINING: &str = r#"
**Nordvik Academy**: hands-on training for operators and maintenance technicians, on
the customer's own system or in our training centre in Västerås.

- Courses from PLC basics to advanced troubleshooting; certificates for every participant.
- Fewer stops caused by operator error, faster recovery when a stop happens.
- Opens the door to the maintenance organisation: a frequent start of a service deal.
"#;

pub const WEB_SHOP: &str = r#"
Standard spare parts, repairs and small orders through the **web shop and phone desk**,
with next-day delivery of stock items. No field sales time: the right service level for
small customers, at a cost that keeps it profitable.
"#;

pub const CONDITION_MONITORING: &str = r#"
Remote condition monitoring of motors, drives, pumps and gearboxes: vibration and
temperature sensors, alarms to our service centre and a **monthly health report**.

- Detects bearing and alignment faults weeks before they stop the line.
- Monitoring is sold per asset and per year; installation is a small project.
- Natural add-on to a service agreement in process industry and utilities.
"#;

pub const PLAN_UPTIME: &str = r#"
Goal: turn the installed base in process industry into service agreements, before the
spring stops are planned.

1. **January**: list every process site where we delivered a project in the last five
   years and have no agreement (the sales support team prepares the list per seller).
2. **February to March**: offer a free half-day *uptime audit* on site: stop history,
   critical spares, remote access. Each seller books at least four audits.
3. **Webinars**: "Twenty-year-old control systems: run, patch or migrate?" in February,
   and "Condition monitoring that pays for itself" in April.
4. **Follow-up**: an agreement proposal within ten working days of each audit, with
   condition monitoring as an option.
5. **Weekly**: every audit and proposal is reviewed in the sales meeting until signed
   or lost.
"#;

pub const PLAN_FOOD: &str = r#"
Goal: win new lines in food, beverage and pharma on our validation competence.

- **Trade fair**: stand together with our robot partner at the food-tech fair in
  Göteborg; pre-booked meetings with the 40 accounts on the target list.
- **Account-based campaign**: a personal letter and a reference visit invitation to
  production and quality managers on the target list, followed by a call.
- **Reference visits**: two customer lines (a dairy in Skåne and a pharma packing line in
  Uppsala) open for visits every month of the campaign.
- **Offer**: a fixed-price line study with a qualification plan included; the study fee
  is credited against the project.
- **Follow-up**: every lead from the fair is qualified within two weeks or closed.
"#;

pub const PLAN_NORTH: &str = r#"
Goal: secure the control system migrations that the northern mills and utilities will
decide on this year, and attach spare-parts stocks to them.

1. Map the installed base of obsolete control systems at every process and energy site
   north of Gävle; rank by age and by the customer's stop calendar.
2. Meet the maintenance manager of each ranked site before the summer with a
   stepwise migration proposal and a budget figure for next year's investment plan.
3. Run a breakfast seminar in Sundsvall and one in Luleå with a customer speaker.
4. Offer a criticality analysis and consignment stock with every migration quote.
5. Track each site's decision date in the CRM and bring slipping ones to the meeting.
"#;

pub const PLAN_ACADEMY: &str = r#"
Goal: use Academy training as the door opener to maintenance organisations in
owner-led manufacturing and food, and convert trained customers to service agreements.

- **September**: open course calendar published; customers with a project delivered in
  the last two years get two free seats.
- **October to December**: on-site courses sold to customers' maintenance teams; the
  trainer writes a short observation report after each course.
- **January to March**: every observation report is followed by a service agreement
  proposal from the account owner within three weeks.
- **Measure**: trained customers, proposals made, agreements signed.
"#;
