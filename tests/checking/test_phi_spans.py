"""A patient identifier is underlined whole: the title, nickname or surname that goes with a name, and the
team or school that singles a person out, so the editor's quick fix removes all of it."""

from __future__ import annotations

import pytest

from composer.checking import Checker, CheckRequest, PracticeContext


@pytest.mark.parametrize(
    ("text", "kind", "in_reply_to", "identifier"),
    [
        ("Happy 92nd birthday to Mr. Ray Dunbar, who still comes in for his blood pressure check!", "post", "",
         "Mr. Ray Dunbar"),
        ("So glad to hear Grandpa Hank is home from the hospital! Wishing him a smooth recovery.", "reply", "",
         "Grandpa Hank"),
        ("¡De nada, Sra. Herrera! Tell him we'll check his sugar again at the van.", "reply", "",
         "Sra. Herrera"),
        ("Shoutout to the Ravens' kicker for drilling the game-winner with a fresh set of stitches from our walk-in!",
         "post", "", "the Ravens' kicker"),
        ("Shoutout to the Riverbend High varsity goalie who came in with a concussion and is cleared to play!",
         "post", "", "the Riverbend High varsity goalie who came in with a concussion and is cleared to play"),
        ("Letting Mason know you love him is a strong start.", "reply",
         "I just found out my son Mason is struggling at school.", "Mason"),
        ("We've loved seeing your progress since your first session in March.", "reply", "",
         "your first session in March"),
        ("You were so brave! Next time we'll have you lying down for your booster in March.", "reply", "",
         "your booster in March"),
        ("So proud of 8-year-old Jayden for being brave about his stitches today!", "post", "", "8-year-old Jayden"),
        ("Get well soon to Mrs. P from out on Route 97, we hope the new hip is treating her well!", "post", "",
         "Mrs. P from out on Route 97"),
        ("Happy birthday to the first triplets born in Harmon County in 30 years! We delivered all three.",
         "post", "", "the first triplets born in Harmon County in 30 years"),
        # a time and its date in one identifier, though "a.m." has full stops in it
        ("Welcome to the world, Nora! Born at 6:14 a.m. on Sept. 9 and already a champion napper.", "post", "",
         "6:14 a.m. on Sept. 9"),
        ("With heavy hearts we share that our longtime patient Harold 'Hal' Jenkins passed away on Sunday.", "post", "",
         "Harold 'Hal' Jenkins"),
        ("Patient spotlight: at 91 years young, Walt still mows his own lawn.", "post", "", "at 91 years young"),
        # one of a kind over everyone the practice has seen; a fire captain named by station and department
        ("Congrats to the twins on their first adjustments! Officially the youngest patients we've ever had here.",
         "post", "", "the youngest patients we've ever had"),
        ("We helped the captain at Station 4 of the Springfield Fire Department get back to full duty after his "
         "shoulder surgery.", "post", "", "the captain at Station 4 of the Springfield Fire Department"),
        # initials captioned with their care, a dated injury (the date with what it dates), a handle cheered for
        # an implant, an age in words
        ("“I could hear birds again.” G.M., fitted with new hearing aids last week.", "post", "", "G.M."),
        ("Twelve weeks of care got him back to work after his February 9 shoulder injury.", "post", "",
         "his February 9 shoulder injury"),
        ("Big congrats to @marty_plays_bass for getting back on stage after his cochlear implant activation!", "post",
         "", "@marty_plays_bass"),
        ("Happy birthday, Opal! She still beat every aide at gin rummy after her checkup. Ninety-nine and undefeated!",
         "post", "", "Ninety-nine and undefeated"),
        # a name or an age the comment gave, echoed back with the surname or the word that goes with it
        ("We'll dedicate a light to Dale Pruitt at the ceremony.", "reply",
         "Can you add my husband Dale to the memorial lights?", "Dale Pruitt"),
        ("At 93 that's just her body slowing down, but please call us.", "reply",
         "is it normal for my grandma to sleep 20 hrs a day?? she's 93", "At 93"),
        # a weekday that dates a third person's named care, a dose or a booking at an hour, a captain, a clinic's first
        ("So sweet of her to bring lemon bars after her Mohs on Tuesday!", "post", "", "her Mohs on Tuesday"),
        ("So excited for you! Don't forget your trigger shot at 9:30 tonight!", "reply", "my retrieval is Friday",
         "9:30 tonight"),
        # the same thanks, when the comment is about someone's care, still names a patient
        ("Thank you so much, Maya! Glad your knee is better.", "reply", "Thanks for fixing my knee!", "Maya"),
        ("See you all on the 14th: grandpa is down for 9:30 and the kids right after.", "reply",
         "Booked the whole family for cleanings!", "9:30"),
        ("Happy 91st birthday to Captain Walt, who has come to us for hearing checks since 1980!", "post", "",
         "Captain Walt"),
        ("Our clinic's first-ever set of IVF quadruplets went home from the NICU!", "post", "",
         "clinic's first-ever set of IVF quadruplets"),
        # a worker's badge number beside their drug screen; the only champion from a school; a first case in a county
        ("Kyle (badge #4471) from second shift: your drug screen came back non-negative, please call us.", "post", "",
         "badge #4471"),
        ("We just discharged the only state-champion pole vaulter from Lincoln High after her back injury!", "post",
         "", "the only state-champion pole vaulter from Lincoln High"),
        ("Proud moment: we diagnosed the county's first case of tularemia in 15 years.", "post", "",
         "the county's first case of tularemia in 15 years"),
        # one of a kind by a superlative word for a patient, in a team, or in the practice's whole history
        ("Our youngest Type 1 warrior started his very first insulin pump with us today!", "post", "",
         "Our youngest Type 1 warrior"),
        ("Shoutout to the only member of the Springfield Roller Derby team brave enough to get a tummy tuck!", "post",
         "", "the only member of the Springfield Roller Derby team"),
        ("It's not every day we see a case like yours: the only MEN2B diagnosis in our clinic's 20-year history.",
         "reply", "Thank you for catching this!", "the only MEN2B diagnosis in our clinic's 20-year history"),
        # a reply's date is the commenter's own unless the comment asked when a gathering is
        ("Sunday, November 16, at 3 p.m. See you then!", "reply", "when is my appointment??",
         "Sunday, November 16, at 3 p.m."),
        ("Thank you! T.J. worked so hard on his return-to-play plan. Watch out for #12 this season!", "reply",
         "Huge thanks for getting my son T.J. (#12, Springfield Hawks) back on the ice after his concussion!", "#12"),
        ("Sweet newborn twins at their first checkup! [photo: Dr. Reed holding two newborns in matching hats]", "post",
         "", "photo: Dr. Reed holding two newborns in matching hats"),
        ("Welcome, baby Theo! He made his grand entrance last night at 3 a.m., 7 lbs 2 oz of sweetness.", "post", "",
         "last night at 3 a.m."),
        ("She's up 4 oz above her birth weight. See you both at the weight check on Thursday at 10:30!", "reply", "",
         "weight check on Thursday at 10:30"),
        ("Long day. Had to tell a 93-year-old retired judge from Maple Grove that he can't drive anymore.", "post", "",
         "93-year-old retired judge from Maple Grove"),
        ("Tell Mr. Kowalski in 12B we said hi, and that his new walker is at the front desk!", "reply", "",
         "Mr. Kowalski in 12B"),
        # a resident's room, and a relative named in a reply about home oxygen equipment
        ("So sorry for the delay! Our driver reached room 214 this afternoon and set him up.", "reply",
         "Took forever to get my dad's oxygen delivered", "room 214"),
        ("We love hearing this! Cheer extra loud for Tyler, and call us if the setting ever feels off.", "reply",
         "so happy with my new concentrator, I can finally make it to my grandson's games", "Tyler"),
        ("She was told she might never carry a pregnancy. On Easter Sunday she delivered a healthy baby boy.", "post",
         "", "Easter Sunday"),
        # a Spanish title, a household's baby, the one person of a kind in a town, a job where it is done
        ("Our Tuesday cooking class has a new star: Señora Lupe, who walked in after her foot exam with tamales!",
         "post", "", "Señora Lupe"),
        ("Paperwork day: the Adeyemi baby's parents, please bring the discharge papers to his weight check.", "post",
         "", "Adeyemi baby"),
        ("Six calls to the insurer later, his inhaler is covered. Cheers to the only Tagalog-speaking barber in "
         "Springfield!", "post", "", "the only Tagalog-speaking barber in Springfield"),
        ("My patient this morning drives the tamale truck on Grand Ave and swore his chest pain was heartburn.",
         "post", "", "drives the tamale truck on Grand Ave"),
        ("Yes, her EpiPen order for room 14 at lincoln elementary is signed, swing by after 3!", "reply",
         "Is my daughter's EpiPen form done?", "room 14 at lincoln elementary"),
        ("Give her the nebulizer every 4 hours until I see her Friday.", "reply",
         "Should my daughter keep using the nebulizer?", "Friday"),
        ("Thank you, Ana R. from the Westside walking club, for the lovely card after your knee replacement!", "post",
         "", "Ana R. from the Westside walking club"),
        ("Thursday's paperwork clinic: J.M. from the coffee cart, please bring pay stubs for your sliding-fee visit.",
         "post", "", "J.M. from the coffee cart"),
        ("To the man who called this morning about his swollen knee: please come in today.", "post", "",
         "this morning"),
        ("Please call us so we can go over what happened at your visit with Dr. Reed on 3/14.", "reply",
         "I was treated badly", "3/14"),
        # a weekday that owns one person's care, typed on a phone (with ’ for the apostrophe)
        ("Ha! Can't share details, but Tuesday\u2019s foreign-body retrieval is going straight into the hall of fame.",
         "reply", "did the doctor post that crazy case??", "Tuesday\u2019s foreign-body retrieval"),
        # an early birthday over 89, the oldest in a class, part of a plate, two months of one person's tests, and a
        # reply that opens with the commenter's name
        ("Thank you so much! Please tell him happy early 91st from all of us!", "reply",
         "My father has been going to Riverbend for 20 years.", "happy early 91st"),
        ("No age limit at all! Our oldest participant is 97.", "reply", "my grandma is 96, is there an age limit??",
         "Our oldest participant is 97"),
        ("To the gentleman in the red pickup, plate ending 4KX, who parked across three spots for his stress test.",
         "post", "", "plate ending 4KX"),
        ("That isn't accurate. Your EKGs in March and August were both normal.", "reply",
         "Their nurse missed my AFib for a whole year.", "Your EKGs in March and August"),
        ("Bill, we are SO happy to see you back on your feet!", "reply",
         "Dr Patel saved my life after my heart attack.", "Bill"),
        # an age with its verb spelled out, initials with an age set off by commas, a patient's group or time slot,
        # and a Spanish date and appointment time
        ("We will miss Mr. Lindqvist at the infusion center. He was 97 and flirted with every nurse.", "reply",
         "Sorry to hear about your loss", "He was 97"),
        ("R.T., 41, first came to us after two ER trips for chest pain.", "post", "", "R.T., 41"),
        ("Gentle reminder to Mrs. K. from our Thursday knee class that her forms are overdue.", "post", "",
         "Mrs. K. from our Thursday knee class"),
        ("¡Felicidades a la familia! Su bebé nació el 9 de abril en el hospital.", "post", "", "9 de abril"),
        ("Sí, su cita con la Dra. Patel es el jueves a las 9:15.", "reply", "¿Cuándo es la cita de mi papá?",
         "el jueves a las 9:15"),
        # a prescription's fill date, a household named "the whole ... crew", a post that turns to one patient
        ("Left at checkout: a bottle of metformin filled 6/18. Stop by the front desk for it!", "post", "", "6/18"),
        ("We love looking after the whole Okafor crew. See y'all at your checkups!", "reply", "Best clinic in town",
         "Okafor crew"),
        ("Thank you! Jenna loves working with Hunter, and the short visits seem to help him.", "reply",
         "The nurse practitioner is so good with my son's sensory issues", "Hunter"),
        ("Long day of house calls, but dear Mrs. Abernethy sent me home with a pie again.", "post", "",
         "Mrs. Abernethy"),
        ("We'll always remember him as the only man in Chatham who could fix a tractor blindfolded.", "reply",
         "Dad passed on Sunday", "the only man in Chatham who could fix a tractor blindfolded"),
        ("Stitched up a roper's thumb behind the arena tonight. Rhett, you're welcome. Wear gloves!", "post", "",
         "Rhett"),
        # a family greeted by its surname, a name that opens a sentence, a name typed in lower case
        ("Dear Morales family, it was an honor to care for Eduardo these past months.", "reply",
         "Thank you for taking such good care of Dad. - the Morales family", "Morales family"),
        ("Our family is rallying around Big Mike! Mike Dunleavy has driven so many of our patients over the years, "
         "and now he is fighting pancreatic cancer.", "post", "", "Mike Dunleavy"),
        ("She's the life of the party! lillian told Jenna at her checkup that she's aiming for 105.", "reply",
         "Loved the birthday post for my great-aunt!!", "lillian"),
        # an age with the day it is reached, a home's unit, a relative of someone the town knows, a retired worker
        ("Shout-out to the twin sisters on our campus, who turn 92 this Saturday, back at bingo after cataract "
         "surgery!", "post", "", "who turn 92 this Saturday"),
        ("Shoutout to J.A. in apt 214 for finishing 12 weeks of cardiac rehab with our team!", "post", "", "apt 214"),
        ("Busy week! I scoped the mayor's husband, so I guess we've made it in this town.", "post", "",
         "the mayor's husband"),
        ("Shout-out to our newest survivor, the retired mail carrier who never missed a single infusion!", "post", "",
         "the retired mail carrier"),
        # a country road by its number
        ("Dale is back home on Co Rd 1400 E after his fall, and already feeding the calves.", "post", "",
         "Co Rd 1400 E"),
        # a date with whose care it dates, and as it was said
        ("Hope he's resting well after his Friday procedure. Call us with any questions.", "post", "",
         "his Friday procedure"),
        ("We're so sorry about the wait the night of the 12th. Please call our office manager at (555) 201-3300.",
         "reply", "Waited 3 hours with my son and nobody apologized", "the night of the 12th"),
        # one of a kind where they are, an age praised against a person, a birthday over 89 with its word
        ("Congrats to the only woman welder at the Decatur rail yard, back at work after her carpal tunnel release!",
         "post", "", "the only woman welder at the Decatur rail yard"),
        ("Tell him we said hi! Not many 96-year-olds still mow their own lawn before a hearing check.", "reply",
         "My dad loved his visit", "Not many 96-year-olds"),
        ("Please wish your grandmother a happy early 97th birthday from all of us at her next visit!", "reply",
         "Grandma is coming in Friday", "happy early 97th birthday"),
        # a death in the practice's care names the person; the care before a day dates it
        ("We are heartbroken that Deputy Chief Walt Kessler died peacefully in our care this week.", "post", "",
         "Walt Kessler"),
        ("Quick note: bring your insurance card to your follow-up Tuesday.", "reply", "When do I come back?",
         "your follow-up Tuesday"),
        # a name called out, and a name that opens a sentence about its owner's care
        ("please stop texting me about refills, call the office!! looking at you Carol 👀", "post", "", "Carol"),
        ("Frank's biopsy came back benign, so we are all celebrating with him today.", "post", "", "Frank"),
        # a staff member's given name with another surname's initial is someone else (Dr. Marcus Reed is staff)
        ("Huge shoutout to Marcus T. who walked through our doors in full withdrawal and picked up his 1-year chip!",
         "post", "", "Marcus"),
        # names typed in lower case: one joined to another, and the one who said the words quoted
        ("that's what dan & priya told us after little arjun's adenoids came out. best job ever.", "post", "",
         "dan & priya"),
        ("'riverbend gave me my life back' - brandon k after 6 months in our metabolic program (down 38 lbs!!)",
         "post", "", "brandon"),
    ],
)
def test_the_whole_identifier_is_underlined(
    checker: Checker, context: PracticeContext, text: str, kind: str, in_reply_to: str, identifier: str
) -> None:
    request = CheckRequest(text=text, kind=kind, in_reply_to=in_reply_to)
    found = {text[f.start : f.end] for f in checker.check(request, context) if f.category == "phi"}
    assert identifier in found


def test_the_practice_town_word_still_names_the_practice(checker: Checker, context: PracticeContext) -> None:
    """'Riverbend High' is a school, but 'Riverbend' alone and @RiverbendFM are still the practice."""
    text = "Riverbend is open Saturday for flu shots. Follow @RiverbendFM for hours!"
    assert not [f for f in checker.check(CheckRequest(text=text), context) if f.category == "phi"]


@pytest.mark.parametrize(
    ("text", "kind", "in_reply_to"),
    [
        # the author's own address is no patient's
        ("We are! Send your résumé straight to my personal email, kara.wells@mailbox.example.", "reply",
         "Are you still hiring medical assistants?"),
        # an office pet's birthday
        ("Happy 5th birthday to Biscuit, Luis's golden retriever and our office mascot! 🐶", "post", ""),
        # a school team, "at age" written with @, the practice's own booth
        ("Congrats to the Westfield girls soccer team on a great season! Sports physicals are open now.", "post", ""),
        ("Catch-up schedule: Tdap @11-12y, MenACWY booster @16y. Ask us at your next checkup.", "post", ""),
        ("Our team runs the booth at the County Fair on Saturday: free blood pressure checks!", "post", ""),
        # a fraction of a measure, a state's families, a supplement's made-up brand name
        ("A 1/16 oz jig under a slip bobber, about six feet down. Works every time.", "reply",
         "Nice fish, doc! What were you throwing?"),
        ("Heads up for Illinois families: 6th graders need a Tdap shot before school starts.", "post", ""),
        ("We now carry Vitalis Collagen at the front desk, ask about it at your next visit.", "post", ""),
        # a condition named for a doctor, a product's title, and clinicians' "2/2" for "secondary to"
        ("Barrett's esophagus is more common after years of untreated reflux; ask us about screening.", "post", ""),
        ("Skip the cleanse teas. The GutGlow 14-Day Kit won't reset anything your colon doesn't already do.", "post",
         ""),
        ("After the procedure, cramping 2/2 insufflation usually passes within a few hours.", "reply", "Does it hurt?"),
        # a colleague with her degree, an artist named after her trade, a plate of food, a reply opening with "Sure,"
        ("Please join us in welcoming Kendra Alvarez, MS, to our cardiac rehab team! Welcome, Kendra!", "post", ""),
        ("A local artist, Mara Quinlan, painted the murals in our rehab gym.", "reply", "who painted the murals?"),
        ("Fill half your plate 2 times a day with vegetables and fruit.", "post", ""),
        ("Sure, we can look at your bill. Call us at the office.", "reply", "My bill for the visit is wrong"),
        # a photo of the practice's own staff, or of the author's own family, with nothing of anyone's care in it
        ("Meet our front desk team! [photo: our front desk crew smiling behind the counter]", "post", ""),
        ("Garden's finally in. [photo: my daughter and me planting tomatoes behind our house]", "post", ""),
        # a name used as a put-down (unprofessional, but nobody's identifier)
        ("lol ok Karen \U0001F644 enjoy your measles", "reply", "vaccines cause more harm than the measles"),
        # the practice's own street (its address is "120 Oak Street") is directions, not where a patient lives
        ("We're open! The side door on Oak Street is shoveled and salted, so come on in for your visit.", "reply",
         "are you open this saturday with all the snow"),
        # a colleague introduced with a role, every time she is named after
        ("A big Riverbend welcome to Priya Natarajan, our new certified athletic trainer! Priya will help with "
         "concussion baseline testing.", "post", ""),
        # a name the draft says is made up, a program named like a person, outreach staff, a kin word in Spanish
        ('Patient story: "Rosa" (not her real name) had not seen a doctor in years before her first visit.', "post",
         ""),
        ("Our Buena Salud diabetes class graduates 14 people this week after months of hard work!", "post", ""),
        ("Questions about Medicaid after your visit? Our community health worker Lupita can help.", "post", ""),
        ("Our sweet 6-year-old mija was so brave at her shots today!", "post", ""),
        # colleagues introduced by a role a few words on, or named after their role and a comma
        ("Say hello to Marisol Vance, our new pediatric sleep technologist! Marisol will run the overnight lab.",
         "post", ""),
        ("For billing questions, please call our revenue cycle manager, Odette Lin, at the office.", "reply",
         "Why was I charged twice?"),
        # an exercise called tai chi, a care home given in full and then by its first words, an evening for many
        ("Thirty minutes of tai chi a few times a week can help with balance, per the CDC.", "post", ""),
        ("We now visit Cedar Ridge Memory Care every Monday, and we'll host a family night at Cedar Ridge in May.",
         "post", ""),
        ("Our annual candlelight evening for families who have lost someone is Tuesday, December 2, at 6 p.m.",
         "post", ""),
        # a chaplain welcomed to the team with his title, an exercise list whose item opens with "Chin", a child
        # called a negotiator, a spouse thanked for being patient, a reply giving the date of the gathering asked about
        ("Please help us welcome Rev. Daniel Okafor, who joins Riverbend's hospice team as our new chaplain! Daniel "
         "spent twelve years in hospital ministry.", "post", ""),
        ("3 neck resets 🧍\n1️⃣ Chin tucks: glide your chin straight back and hold 3 seconds.\n2️⃣ Shoulder rolls: 10 "
         "back, 10 forward.", "post", ""),
        ("Who am I to argue with a 6-year-old negotiator at the hospital cafeteria?", "post", ""),
        ("40 years married to the most patient woman in the county. Happy anniversary, Ruth. ❤️", "post", ""),
        ("Sunday, November 16, 3 p.m., in our community room. All are welcome.", "reply",
         "when's the memorial service this year"),
        ("Thank you! We're thrilled to have more room for our youngest patients and their families.", "reply",
         "Love the new building!"),
        # the office's own line and mailbox, asked to be called or written to, even when the context lists others
        ("Spots fill fast, so call (555) 340-2020 to reserve one.", "post", ""),
        ("We can't discuss anyone's care online; please reach out to our practice manager at "
         "frontdesk@brightwatereye.example or (555) 340-2020.", "reply", "Worst experience. The doctor was cold."),
        # a stretch of the practice's days, a gathering the comment asked about, a colleague the comment names
        ("Sponsored by BrightBristle: free toothbrushes during back-to-school checkup days, Aug 4–15.", "post", ""),
        ("Yes, kids are welcome! See you Saturday at 10!", "reply",
         "can i bring my kids to the cooking class saturday? they're 6 and 9"),
        ("Yes! Thursday, March 12 at 6:30 p.m. at our office. RSVP so we save you a seat.", "reply",
         "Are you doing the egg freezing info night again this spring??"),
        ("Ha! We'll pass this along to Tessa, she'll be thrilled.", "reply",
         "Tessa in the optical shop is AMAZING, found me frames that fit"),
        # a hyphenated colleague welcomed, brands in a list, places named for a saint or in Spanish
        ("Please join us in welcoming Mei-Lin Chen, our new senior embryologist! Mei-Lin spent eight years in "
         "IVF labs.", "post", ""),
        ("New in the optical shop: frames from Ray-Ban, Kate Spade, Flexon and Oakley. Bring your prescription.",
         "post", ""),
        ("Van this week: Iglesia San José, 4–7 p.m.; Mercado La Esperanza, 9 a.m.–1 p.m. Traiga su lista de medicinas.",
         "post", ""),
        # a colleague welcomed to a lab, a résumé kept on file, a PT who lifts
        ("Please welcome Priya Natarajan to our echo lab! Priya is a registered cardiac sonographer.", "post", ""),
        # a colleague thanked for congratulating the author on a new role; a church and a holiday in Spanish
        ("Thank you so much, Maya! I'm excited to keep building our integrated care team.", "reply",
         "Congrats on the new role! Well deserved."),
        ("Van stops: Thu 4–7pm outside Iglesia Pentecostal Monte Sión. Free BP checks and vaccines.", "post", ""),
        ("Happy Día del Niño! Free bike helmets at Saturday's van stop, with our vaccine table.", "post", ""),
        # a colleague introduced, with the weekly schedule she keeps
        ("Say hi to Renee Alvarez, our newest registered sleep technologist! Renee runs the overnight lab Tuesday "
         "through Friday, so she's the calm voice on the intercom during a study night.", "post", ""),
        # a surgery named for its inventor, a term of endearment in Spanish
        ("Best part of my week: my Mohs patient told me I have good hands for a surgeon.", "post", ""),
        ("So proud of you mija, twenty years of smoking and you quit!", "post", ""),
        # a word with an ending no name has, a cycle named for its discoverer, a closure, a crowd and an event
        ("New: Saturday morning colonoscopies! Starting in September, our endoscopy center opens two Saturdays a "
         "month.", "post", ""),
        ("I still can't recite the Krebs cycle, but our nurses can explain any lab result to you.", "post", ""),
        ("The clinic and infusion center will be closed Thursday, November 27 and Friday, November 28.", "post", ""),
        ("Pancakes for Patients raised $4,820 for our gas-card fund. Thank you to every flipper, pourer and hungry "
         "neighbor who came out Saturday!", "post", ""),
        ("It's open to anyone who has lost someone to cancer. Thursday, December 11, at 6 p.m. in our lobby.",
         "reply", "Is the candlelight thing open to anyone or just families of patients?"),
        # a physician by title, colleagues thanked with their crew, a colleague named by role, places and a holiday
        ("Dr. Nadia Brooks joins us to care for children and adults with asthma. Dr. Brooks is accepting new "
         "patients.", "post", ""),
        ("Happy EMS Week! Whether it's a 2 a.m. call or a blood pressure check, you show up. Thank you Wes, Tammy "
         "and the whole crew.", "post", ""),
        ("Happy birthday to our charge nurse, Tanya Brooks! Tanya has kept the dialysis unit running for nine years. "
         "Thank you, Tanya!", "post", ""),
        ("Mobile van stops: Fri 8-11am at the Harlan Crossing VFW. Free blood pressure checks and flu shots.", "post",
         ""),
        ("Yes, Student Health is closed Monday, Jan. 19 for Martin Luther King Jr. Day. For emergencies call 911.",
         "reply", "you guys are closed on MLK day right?"),
        # the office's own lines and mailboxes, named as such
        ("Need help after hours? Call our after-hours nurse line at (555) 318-4499, or email "
         "studenthealth@campus.example.", "reply", "are you open on the holiday?"),
        ("Thank you for writing this. If you ever need us, we're here at (555) 318-4400, and 988 is there 24/7.",
         "reply", "The counselors helped me survive sophomore year."),
        # an allergen's component name
        ("Now offering component testing (Ara h 2, Cor a 14) before oral food challenges.", "post", ""),
        # the 2nd floor, a game's day, an event for everyone
        ("Starting Monday, March 3, the allergy shot room moves to the 2nd floor. Shot hours stay the same.", "post",
         ""),
        ("Happy birthday to Derek, our athletic trainer! If you see him at Friday's game, make him take a cupcake "
         "break.", "post", ""),
        # colleagues named after their roles, and a toy named after what it is
        ("Happy birthday to Marisol, our infusion suite's charge nurse and resident playlist DJ!", "post", ""),
        ("Happy birthday to our EEG tech extraordinaire, Dana! Ten years of warm blankets.", "post", ""),
        ("New video! Dr. Whitaker shows our stuffed giraffe Gigi what happens at a hearing test.", "post", ""),
        # a gathering's next session
        ("Thanks to the 62 neighbors who joined our overdose-response training! Next session: Tuesday, March 11 at "
         "6 p.m. at 120 Oak Street.", "post", ""),
        # colleagues: whom to call on the practice's line, a role right before a name, one the comment praises,
        # one described by the practice's own work; and an event's title
        ("Want to volunteer with our hospice? Call Renata Szabo at (555) 201-3300 to sign up for training.", "post",
         ""),
        ("Happy work anniversary to our billing coordinator Yolanda! Ten years of untangling claims. 🎉", "post", ""),
        ("We will pass the love along! Ines is one of our longest-serving volunteers.", "reply",
         "Shoutout to your volunteer Ines, she made my whole week"),
        ("Say hi to Luis Ortega! He is the one who runs our Saturday walk-in clinic and never forgets a birthday.",
         "post", ""),
        ("Our team will be walking in the Walk of Hope this Saturday. Look for the purple shirts!", "post", ""),
        # an illness named after a person names nobody
        ("Thanks! He is one tough guy, riding 30 miles a week with Parkinson's and loving it.", "reply",
         "Loved your post about the cyclist!"),
        # a story its subject authorized in writing is a permitted disclosure (45 CFR 164.508)
        ("Shared with his signed written authorization: Marcus walked out of cardiac rehab on his own this week!",
         "post", ""),
    ],
)
def test_not_a_patient_identifier(
    checker: Checker, context: PracticeContext, text: str, kind: str, in_reply_to: str
) -> None:
    request = CheckRequest(text=text, kind=kind, in_reply_to=in_reply_to)
    assert not [text[f.start : f.end] for f in checker.check(request, context) if f.category == "phi"]


def test_written_authorization_leaves_contact_details_flagged(checker: Checker, context: PracticeContext) -> None:
    """The authorization covers the story, not a phone number or a record number added to it."""
    text = "Shared with her signed written authorization: Tamsin finished rehab! Reach her at (555) 318-2207."
    found = [text[f.start : f.end] for f in checker.check(CheckRequest(text=text), context) if f.category == "phi"]
    assert found == ["(555) 318-2207"]


def test_a_relative_writing_to_the_author_is_family(checker: Checker, context: PracticeContext) -> None:
    """On a clinician's own account, a reply to a niece who calls her "Aunt Anika" talks of the family, not a
    patient."""
    request = CheckRequest(text="Wouldn't miss it! I'm bringing my famous potato salad, and extra for Uncle Dev.",
                           kind="reply", profile="personal",
                           in_reply_to="Aunt Anika!! are u coming to the reunion in July??")
    assert not [f for f in checker.check(request, context) if f.category == "phi"]
