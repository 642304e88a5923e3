/** Names, places and systems the simulated accounts are made of (the companies and people are fictional). */
import type { TokenRole } from "./tokens";
import type { City } from "./world";

export const CITIES: readonly City[] = [
  { city: "Berlin", country: "DE", geoNameId: 2950159 },
  { city: "Frankfurt am Main", country: "DE", geoNameId: 2925533 },
  { city: "Amsterdam", country: "NL", geoNameId: 2759794 },
  { city: "London", country: "GB", geoNameId: 2643743 },
  { city: "Paris", country: "FR", geoNameId: 2988507 },
  { city: "Warsaw", country: "PL", geoNameId: 756135 },
  { city: "Kraków", country: "PL", geoNameId: 3094802 },
  { city: "Zürich", country: "CH", geoNameId: 2657896 },
  { city: "New York", country: "US", geoNameId: 5128581 },
  { city: "San Francisco", country: "US", geoNameId: 5391959 },
  { city: "São Paulo", country: "BR", geoNameId: 3448439 },
  { city: "Tokyo", country: "JP", geoNameId: 1850147 },
];
export const DATACENTER_CITIES: readonly City[] = [
  { city: "Frankfurt am Main", country: "DE", geoNameId: 2925533 },
  { city: "Ashburn", country: "US", geoNameId: 4744870 },
  { city: "Council Bluffs", country: "US", geoNameId: 4852832 },
  { city: "Dublin", country: "IE", geoNameId: 2964574 },
];

export interface Person {
  readonly name: string;
  readonly local: string;
}

export const PERSONA_PEOPLE: Readonly<Record<TokenRole, Person & { readonly role: string }>> = {
  owner: { name: "Alice Johnson", local: "alice.johnson", role: "owner" },
  admin: { name: "Bob Martinez", local: "bob.martinez", role: "admin" },
  auditor: { name: "Carol Nguyen", local: "carol.nguyen", role: "auditor" },
  network_admin: { name: "Dmitri Volkov", local: "dmitri.volkov", role: "network_admin" },
  service_user: { name: "Terraform CI", local: "", role: "user" },
  user: { name: "Erin O'Connor", local: "erin.oconnor", role: "user" },
  blocked: { name: "Frank Miller", local: "frank.miller", role: "user" },
  pending_approval: { name: "Grace Kim", local: "grace.kim", role: "user" },
};

export const PEOPLE: readonly Person[] = [
  { name: "Hannah Schmidt", local: "hannah.schmidt" },
  { name: "Ivan Petrov", local: "ivan.petrov" },
  { name: "Julia Rossi", local: "julia.rossi" },
  { name: "Kenji Tanaka", local: "kenji.tanaka" },
  { name: "Lena Müller", local: "lena.mueller" },
  { name: "Marco Bianchi", local: "marco.bianchi" },
  { name: "Nadia Haddad", local: "nadia.haddad" },
  { name: "Oliver Smith", local: "oliver.smith" },
  { name: "Priya Patel", local: "priya.patel" },
  { name: "Rosa García", local: "rosa.garcia" },
  { name: "Samuel Okafor", local: "samuel.okafor" },
  { name: "Tomás Novák", local: "tomas.novak" },
  { name: "Uma Reddy", local: "uma.reddy" },
  { name: "Victor Chen", local: "victor.chen" },
  { name: "Wiktoria Kowalska", local: "wiktoria.kowalska" },
  { name: "Yusuf Demir", local: "yusuf.demir" },
];

/** People who joined and left again: targets of old `user.join` / `user.delete` events. */
export const FORMER_PEOPLE: readonly Person[] = [
  { name: "Quentin Dubois", local: "quentin.dubois" },
  { name: "Zoe Anderson", local: "zoe.anderson" },
  { name: "Mateo Fernández", local: "mateo.fernandez" },
  { name: "Ingrid Larsen", local: "ingrid.larsen" },
  { name: "Arjun Mehta", local: "arjun.mehta" },
  { name: "Chloé Martin", local: "chloe.martin" },
  { name: "Lukas Wagner", local: "lukas.wagner" },
  { name: "Sofia Costa", local: "sofia.costa" },
];

export const SERVICE_USERS: readonly { readonly name: string; readonly role: string }[] = [
  { name: "Backup Agent", role: "admin" },
  { name: "Ansible Automation", role: "admin" },
  { name: "SIEM Export", role: "auditor" },
  { name: "Grafana Sync", role: "user" },
];

export const LAPTOP_OS = ["macOS 14.5", "macOS 15.1", "Windows 11 Pro 23H2", "Windows 10 Enterprise 22H2", "Ubuntu 24.04 LTS", "Fedora Linux 40"];
export const PHONE_OS = ["iOS 17.5.1", "iOS 18.0", "Android 14", "Android 13"];
export const SERVER_OS = ["Ubuntu 22.04.4 LTS", "Debian GNU/Linux 12 (bookworm)", "Amazon Linux 2023", "Alpine Linux v3.20", "Rocky Linux 9.4"];

export const SERVERS: readonly string[] = [
  "db-prod-1",
  "db-prod-2",
  "db-staging-1",
  "web-prod-1",
  "web-prod-2",
  "web-prod-3",
  "api-prod-1",
  "api-prod-2",
  "k8s-node-1",
  "k8s-node-2",
  "k8s-node-3",
  "k8s-node-4",
  "ci-runner-1",
  "ci-runner-2",
  "bastion-1",
  "monitoring-1",
  "backup-1",
  "nas-office",
  "vault-1",
  "mail-relay-1",
];

export const ROUTERS: readonly string[] = ["gw-aws-eu-1", "gw-aws-eu-2", "gw-office-berlin", "gw-gcp-us-1", "exit-node-fra"];

export const GROUPS: readonly string[] = [
  "All",
  "Engineering",
  "DevOps",
  "Servers",
  "Databases",
  "Laptops",
  "Mobile",
  "Contractors",
  "Routing Peers",
  "Finance",
  "Kubernetes",
  "Monitoring",
  "Office Berlin",
];

export const POLICIES: readonly string[] = [
  "Default",
  "Engineering → Servers",
  "DevOps SSH to all",
  "Developers to databases",
  "Monitoring scrape",
  "Office printers",
  "Contractors web-only",
  "Kubernetes API",
  "Backup traffic",
  "DNS to resolvers",
];
