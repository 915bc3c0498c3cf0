// Hand-written news fixtures for the story clusterer tests: two wildfires (same kind, different places, people and figures), a rate decision, a port strike, and two title defences by one champion.
import type { ClusterInput } from '../../src/pipeline/cluster/clusterer.ts';

const article = (key: string, date: string | null, title: string, text: string, extra: Partial<ClusterInput> = {}): ClusterInput =>
  ({ key, title, text, language: 'en', date, ...extra });

/** Wildfire at Paradise Valley: three outlets, two days. */
export const VALLEY = [
  article('valley-1', '2023-08-14', 'Wildfire forces evacuation of Paradise Valley',
    'A fast-moving wildfire forced the evacuation of about 1,200 homes in Paradise Valley on Monday, fire officials said. ' +
    'Governor Ellen Marsh declared a state of emergency for Harlow County as flames jumped the Redwater River. ' +
    'Fire chief Dana Okafor said crews had contained eight percent of the blaze, which has burned 4,300 acres. ' +
    'Residents of Paradise Valley were told to gather at the Harlow County fairground.'),
  article('valley-2', '2023-08-14', 'Thousands flee as Paradise Valley fire spreads',
    'Thousands of residents fled Paradise Valley on Monday as a wildfire crossed the Redwater River, officials said. ' +
    'Governor Ellen Marsh declared an emergency in Harlow County and asked for federal help. ' +
    'About 1,200 homes were evacuated, according to fire chief Dana Okafor, and the fire has burned 4,300 acres. ' +
    'Evacuees from Paradise Valley spent the night at the fairground.'),
  article('valley-3', '2023-08-15', 'Paradise Valley wildfire: crews gain ground as winds ease',
    'Firefighters gained ground on the Paradise Valley wildfire on Tuesday as winds eased, fire chief Dana Okafor said. ' +
    'The blaze in Harlow County has burned 4,600 acres and is 20 percent contained. ' +
    'Governor Ellen Marsh toured the fairground where evacuees from about 1,200 homes are sheltering. ' +
    'No deaths have been reported since the fire crossed the Redwater River on Monday.'),
];

/** Another wildfire, a year later, somewhere else: same vocabulary, different names and figures. */
export const CEDAR = [
  article('cedar-1', '2024-07-02', 'Wildfire destroys 40 homes near Cedar Ridge',
    'A wildfire destroyed 40 homes near Cedar Ridge on Tuesday and forced about 300 residents to evacuate, officials said. ' +
    'Governor Tom Rigg declared a state of emergency for Pell County. ' +
    'Fire chief Marco Lindqvist said the blaze had burned 900 acres along the Stone Creek canyon and was not contained. ' +
    'Evacuees from Cedar Ridge were told to go to the Pell County high school.'),
  article('cedar-2', '2024-07-02', 'Cedar Ridge fire burns 40 homes, hundreds evacuated',
    'Flames swept through Cedar Ridge on Tuesday, destroying 40 homes, according to fire chief Marco Lindqvist. ' +
    'About 300 residents of Pell County were evacuated as the wildfire burned 900 acres in the Stone Creek canyon. ' +
    'Governor Tom Rigg declared an emergency and asked for federal help. ' +
    'Evacuees spent the night at the Pell County high school.'),
];

/** A central bank decision: a different topic altogether. */
export const RATES = [
  article('rates-1', '2023-08-14', 'Norland central bank raises rates to 4.5%',
    'The Norland Central Bank raised its main interest rate by half a percentage point to 4.5 percent on Monday. ' +
    'Governor Ana Poulsen said inflation of 6.1 percent in July was too high and more increases could follow. ' +
    'The krone rose against the euro after the decision, while bank shares fell in Tollberg. ' +
    'Economists had expected a smaller increase.'),
];

/** A strike at the port of Velm, told twice (for the entity-key test). */
export const PORT = [
  article('port-1', '2023-09-01', 'Dockers walk out',
    'Dock workers walked out on Friday over pay, halting container traffic, the union said. ' +
    'Ships queued outside the harbour as talks with the operator broke down.'),
  article('port-2', '2023-09-01', 'Strike halts harbour',
    'Cranes stood idle on Friday as a strike over wages stopped loading, according to the labour federation. ' +
    'Shipping lines warned customers of delays of several days.'),
];

/**
 * Two title defences by the same champion (undated, as in the split tests): the champion, the belts and the
 * vocabulary are shared, so the second fight's first reports join the first fight's story; the opponent, the city,
 * the round and the record tell them apart. First fight: Delgado in Hamburg.
 */
export const DEFENCE_A = [
  article('rask-1', null, 'Halvard Rask stops Marco Delgado to keep heavyweight belts',
    'Halvard Rask retained his WBO and IBF heavyweight titles on Saturday, stopping Marco Delgado in the seventh round in Hamburg. ' +
    'The champion, now 44-2, floored Delgado with a left hook before the referee waved the fight off. ' +
    'Delgado, 31, had never been stopped before.'),
  article('rask-2', null, 'Rask too strong for Delgado in Hamburg',
    'Heavyweight champion Halvard Rask was too strong for Marco Delgado in Hamburg, ending the fight in the seventh round. ' +
    'Rask kept his WBO and IBF belts and improved to 44-2. ' +
    'Delgado complained that the referee stopped the bout too early.'),
  article('rask-3', null, 'Delgado no match for champion Rask',
    'Marco Delgado was no match for Halvard Rask, who defended his heavyweight titles with a seventh-round stoppage at the Hamburg arena. ' +
    'The crowd of 14,000 saw Rask knock Delgado down twice. ' +
    'Rask, 44-2, said he wanted a unification fight next.'),
  article('rask-4', null, 'Rask retains titles with stoppage of Delgado',
    'Halvard Rask retained the WBO and IBF heavyweight titles by stopping Marco Delgado in round seven on Saturday night in Hamburg. ' +
    'Delgado, the 31-year-old challenger from Seville, was down in the sixth and the seventh. ' +
    'It was the champion\'s 44th win.'),
  article('rask-5', null, 'Hamburg: Rask beats Delgado',
    'Champion Halvard Rask beat Marco Delgado in Hamburg to keep his heavyweight belts. ' +
    'The referee stopped the fight in the seventh round after Delgado went down for the second time. ' +
    'Rask is now 44-2 with 38 knockouts; Delgado falls to 25-1.'),
];

/** Second fight: Okoye in Bern. */
export const DEFENCE_B = [
  article('okoye-1', null, 'Halvard Rask retains belts against Tunde Okoye',
    'Halvard Rask kept his WBO and IBF heavyweight titles on Saturday with a fifth-round knockout of Tunde Okoye in Bern. ' +
    'The champion, 48-2, dropped Okoye with a right hand at the Wankdorf stadium. ' +
    'Okoye, 38, was making his second title challenge.'),
  article('okoye-2', null, 'Rask knocks out Okoye in Bern',
    'Heavyweight champion Halvard Rask knocked out Tunde Okoye in the fifth round in Bern to retain his belts. ' +
    'Okoye, a 38-year-old from Lagos, never recovered from a right hand at the Wankdorf stadium. ' +
    'Rask improved to 48-2.'),
  article('okoye-3', null, 'Okoye falls to Rask at Wankdorf',
    'Tunde Okoye fell to Halvard Rask at the Wankdorf stadium in Bern, counted out in the fifth round. ' +
    'Rask, 48-2, defended the WBO and IBF heavyweight titles before 30,000 fans. ' +
    'Okoye said he would retire.'),
  article('okoye-4', null, 'Rask defends titles with knockout of Okoye',
    'Halvard Rask defended his heavyweight titles with a knockout of Tunde Okoye in round five on Saturday night in Bern. ' +
    'The challenger from Lagos, 38, was counted out after a right hand. ' +
    'It was the champion\'s 48th win.'),
  article('okoye-5', null, 'Bern: Rask knocks out Okoye',
    'Champion Halvard Rask knocked out Tunde Okoye in Bern to keep his heavyweight belts. ' +
    'Okoye was counted out in the fifth round at the Wankdorf stadium. ' +
    'Rask is now 48-2 with 42 knockouts; Okoye falls to 33-4.'),
];
