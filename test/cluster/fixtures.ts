// Hand-written news fixtures for the story clusterer tests: two wildfires (same kind, different places, people and figures), a rate decision, and a port strike.
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
