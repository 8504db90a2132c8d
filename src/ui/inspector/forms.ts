/** The inspector's big forms, one lazily loaded chunk (Inspector.tsx): the topology form shows first, so both arrive at once. */
export { ClusterForm } from './ClusterForm';
export { TopologyForm } from './TopologyForm';
