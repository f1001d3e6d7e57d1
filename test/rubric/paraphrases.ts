/**
 * Correct answers to the eleven seed questions, written the way candidates talk rather than in the seed's
 * words: other tools, other terms, first person, no headings. Each deserves full marks.
 */
export const PARAPHRASES: Record<string, string> = {
  'devops/responsibilities': `Most mornings I go through our Datadog dashboards and the overnight PagerDuty alerts and chase down anything odd before customers notice.
A big part of my week is the build and release pipelines in GitHub Actions: I keep the workflows green, add test stages and make sure a bad release can be reverted.
I write Pulumi and CloudFormation to spin up AWS networks, buckets and IAM policies, so nothing is clicked by hand.
I patch our servers, rotate TLS certificates and fix whatever the vulnerability scanner reports, together with the security folks.
When latency creeps up I look at the metrics and tune autoscaling and caching to keep the cloud bill down.
I join the developers' stand-ups and sprint planning so our deployment approach fits their work.
And one week in four I'm on call, which means answering incidents at night and writing the postmortem afterwards.`,
  'devops/technologies': `We run everything on Google Cloud, mostly GKE and Cloud Storage.
Services are packaged as Docker images and scheduled on Kubernetes with Helm charts.
Infrastructure is described in Pulumi, and Chef keeps the VM configuration consistent.
Builds and releases go through CircleCI, with Argo CD syncing the clusters.
For observability we have Datadog for metrics and Loki for logs.
Code lives in Bitbucket, I automate chores with Go and shell scripts, and secrets sit in HashiCorp Vault.
Our data is in Cassandra and DynamoDB, and we plan sprints in Jira and chat in Slack.`,
  'devops/deployment-failure': `First I get users back to a working state: I revert to the previous release, or switch the feature flag off.
Then I dig through the logs in Splunk and the Grafana graphs to see what broke.
I post in the incident channel so the developers and the product owner know what is going on.
Once things are calm we trace the underlying cause, whether it was the code, a config change or the infrastructure, and the developer fixes it and we try the fix in staging.
We ship it again carefully, as a canary to a few users first.
Afterwards we write a blameless postmortem with the timeline and lessons learned, and add a test and an alert so the same problem is caught earlier next time.`,
  'devops/core-operations': `On the development side: every commit is merged often and built and tested automatically, that's continuous integration; releases are automated so the main branch can go to production at any time; everything is in Git; and we have unit and end-to-end test suites. Dev and ops plan together in Jira.
On the infrastructure side: servers and networks are defined as code with Terraform, Puppet keeps their configuration consistent, applications run in containers on Kubernetes, and Prometheus and the ELK stack watch them.
Security checks run inside the pipeline, instances scale automatically with load, we run on Azure, and we take backups with a tested disaster recovery plan.`,
  'devops/benefits': `Technically, you ship smaller changes much more often, because build, test and release are automated, and you hear about bugs quickly.
Developers and operations stop throwing work over the wall and share ownership.
Automation removes the manual, error-prone steps; monitoring and quick rollbacks make production more stable; and the platform grows with demand.
For the business, features reach customers sooner than competitors can react, running costs fall, customers see fewer defects, teams are more motivated and productive, risk and compliance are handled continuously, the company can grow without rebuilding its systems, and data from monitoring helps managers decide.`,
  'devops/kpis': `I'd look at how many times a day or week we push to production, how long a commit takes to reach production, and how quickly we restore service when something breaks. I'd also add the percentage of deployments that cause a failure.`,
  'devops/new-pipeline': `I'd start by sitting down with the customer to learn their stack, their goals, where it has to run and which compliance rules apply.
Then I'd pick the tooling, say GitHub Actions or Azure DevOps, and sketch the stages: checkout, build, test, deploy.
I'd hook it to their repository so every push triggers a run, write the pipeline as YAML, build and package the artifact, run the unit tests, add a SAST scan, and deploy to dev, then staging, then production.
Before go-live I'd do trial runs of every stage plus load and security testing.
I'd write a runbook describing the setup and run a workshop for their engineers.
Finally we'd roll it out on one pilot service, keep supporting them and improve it from their feedback.`,
  'devops/databases': `For transactional data we use MySQL and Amazon Aurora, because we need ACID guarantees.
Product catalogues and user documents are in MongoDB and DynamoDB, and we cache sessions in Memcached and Redis.
Metrics go into Prometheus's time-series store and TimescaleDB, and the analysts query Snowflake, our data warehouse.
Search runs on Elasticsearch.
My part: I create the databases with Terraform, schedule backups and test restores, tune slow queries and indexes, run schema migrations from the pipeline, and make sure data is encrypted and access is locked down.`,
  'devops/environments': `Six in total. Developers have their own dev environment, a shared QA environment runs the integration tests, a pre-production copy of prod is where the business does UAT, production serves the customers, a DR site in another region takes over if prod goes down, and a separate load-testing environment is used for performance runs.`,
  'devops/deployment-types': `Mostly we do blue/green: the new version goes to the idle copy and we flip the load balancer, so there's no downtime and rollback is instant.
For risky changes we use canaries: release to a small slice of traffic, watch the error rate, then widen it.
Stateless services get a rolling update, replacing pods a few at a time.
It's all driven by our CI/CD pipelines, runs in containers on Kubernetes, and we watch releases in Grafana.`,
  'devops/plugins': `In Jenkins we relied on the Git plugin to pull from our repos, Pipeline for Jenkinsfiles, the Docker and Kubernetes plugins to build images and run agents on the cluster, SonarQube for code quality, Slack notifications for build results and Credentials Binding for secrets.
On GitLab we used runners and the container registry.
Terraform used the AWS provider, Ansible the AWS and Kubernetes modules, and for monitoring we added Grafana data-source plugins and Prometheus exporters such as the node exporter.`,
};
